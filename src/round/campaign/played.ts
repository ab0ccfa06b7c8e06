import { type Command, formatClock, isCommandEntry, type LogEntry, type Snapshot } from '../../sim';

/** A level as it was played: the world at its end and the round's input log. */
export interface PlayedLevel {
  world: Snapshot;
  entries: readonly LogEntry[];
}

/** One part of a level's goal, judged from the world and the log, with what was seen. */
export interface GoalPart {
  /** What the part asks, as the intro card says it. */
  asks: string;
  met: boolean;
  /** What happened, in a sentence derived from the round. */
  seen: string;
}

export interface GoalVerdict {
  met: boolean;
  parts: GoalPart[];
}

export const verdict = (parts: GoalPart[]): GoalVerdict => ({ met: parts.every((p) => p.met), parts });

/** A scripted fire of the level, as it came: its minute, its service and the incident it started (none if it held). */
export interface ScriptedFire {
  at: number;
  service: string;
  incident: Snapshot['incidents'][string] | null;
}

type InjectEntry = Extract<LogEntry, { command: Command }> & { command: { type: 'injectIncident' } };

/** The level's own fires (from its scenario file), in order, each with the incident it started if it burned. */
export function scriptedFires(level: PlayedLevel): ScriptedFire[] {
  const fires = level.entries
    .filter(isCommandEntry)
    .filter((e): e is InjectEntry => e.by === 'scenario' && e.command.type === 'injectIncident');
  return fires.map((e) => {
    const id = level.world.incidentOrder.find((i) => {
      const inc = level.world.incidents[i];
      return inc?.injected === true && inc.startedAt === e.at && inc.service === e.command.service;
    });
    return { at: e.at, service: e.command.service, incident: id ? (level.world.incidents[id] ?? null) : null };
  });
}

/** The incidents of the round itself (last week's outages left out). */
export function roundIncidents(world: Snapshot): Snapshot['incidents'][string][] {
  const out: Snapshot['incidents'][string][] = [];
  for (const id of world.incidentOrder) {
    const inc = world.incidents[id];
    if (inc && !inc.prior) out.push(inc);
  }
  return out;
}

export const clockOf = (t: number) => formatClock(t);
export const nameOf = (world: Snapshot, service: string) => world.services[service]?.name ?? service;

/** The weakness of a kind the scenario gave a service (not one a deploy brought). */
export function scenarioWeakness(
  world: Snapshot,
  service: string,
  kind: string,
): Snapshot['conditions'][string] | null {
  for (const c of Object.values(world.conditions))
    if (c.service === service && c.kind === kind && c.origin === 'scenario') return c;
  return null;
}

/** When an action item first weakened a weakness (guarded or removed it), or null. */
export function guardedAt(c: Snapshot['conditions'][string] | null): number | null {
  const change = c?.weakened?.find((w) => w.by === 'item' && w.strengthAfter < w.strengthBefore);
  return change ? change.at : null;
}

/** When an action item removed a weakness outright, or null. */
export function removedAt(c: Snapshot['conditions'][string] | null): number | null {
  const change = c?.weakened?.find((w) => w.by === 'item' && w.strengthAfter <= 0);
  return change ? change.at : null;
}
