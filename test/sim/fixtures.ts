import type { Immutable } from 'immer';
import { builtInScenarios } from '../../src/content/scenarios';
import {
  type Command,
  createSimulation,
  createSimulationFromState,
  createWorld,
  type Incident,
  type Mitigation,
  type Scenario,
  type SimState,
  type Simulation,
  type Snapshot,
  validateScenario,
} from '../../src/sim';
import { startIncident } from '../../src/sim/rules/incident';
import { sendIncident } from '../../src/sim/rules/incidentLife';

/** A built-in scenario, through the same validation a player's file goes through. */
export function scenario(id: 'platform' | 'startup' | 'scaleup' = 'platform'): Scenario {
  const result = validateScenario(builtInScenarios[id]);
  if (!result.ok) throw new Error(`built-in scenario ${id} is invalid: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** A raw copy of a built-in scenario file, safe to break in tests. */
export function rawScenario(id: 'platform' | 'startup' | 'scaleup' = 'platform'): Record<string, unknown> & {
  teams: Record<string, unknown>[];
  services: Record<string, unknown>[];
} {
  return structuredClone(builtInScenarios[id]) as never;
}

/** A plain, mutable world for calling rules directly (no Immer in the way). */
export function world(seed = 1, id: 'platform' | 'startup' | 'scaleup' = 'platform', weeks?: number): SimState {
  return createWorld(scenario(id), { seed, weeks });
}

/**
 * A round driven by a test's own hand, not by a team: nobody answers its fires, so it cannot be lost (a
 * round that may be lost is asked for with createSimulation).
 */
export function sim(seed = 1, id: 'platform' | 'startup' | 'scaleup' = 'platform', weeks?: number): Simulation {
  return createSimulation(scenario(id), { seed, weeks, canLose: false });
}

/** Starts an incident from one of the scenario's own latent conditions on a plain world. */
export function fireOn(state: SimState, service: string, kind?: string): Incident {
  const c = Object.values(state.conditions).find((x) => x.service === service && (!kind || x.kind === kind));
  if (!c) throw new Error(`no condition on ${service}`);
  const inc = startIncident(state, c.id, false);
  if (!inc) throw new Error('incident did not start');
  return inc;
}

export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

export function ok(s: Simulation, cmd: Command): void {
  const result = s.dispatch(cmd);
  if (!result.ok) throw new Error(`${cmd.type} was refused: ${result.reason}`);
}

/** The newest incident in the world (e.g. the one just injected). */
export function lastIncident(snap: Snapshot): Immutable<Incident> {
  return must(snap.incidents[must(snap.incidentOrder.at(-1), 'incident id')], 'incident');
}

/** Advances minute by minute until the predicate holds; fails loudly if it never does. */
export function advanceUntil(s: Simulation, done: (snap: Snapshot) => boolean, limit = 2000, each?: () => void): void {
  for (let i = 0; i < limit; i++) {
    if (done(s.snapshot())) return;
    each?.();
    s.advance(1);
  }
  if (!done(s.snapshot())) throw new Error(`condition not reached within ${limit} minutes`);
}

/**
 * Drives an injected incident to resolution the way a good responder would:
 * acknowledge the page, then apply the remedy that fits.
 */
export function respondWell(s: Simulation, incident: string, remedy: () => Mitigation): void {
  advanceUntil(
    s,
    (snap) => snap.incidents[incident]?.phase === 'resolved',
    2000,
    () => {
      const inc = must(s.snapshot().incidents[incident]);
      if (inc.phase === 'paged') ok(s, { type: 'acknowledge', incident });
      const now = must(s.snapshot().incidents[incident]);
      const busy = now.attempts.some((a) => a.outcome === 'pending' || a.outcome === 'worked');
      if ((now.phase === 'acknowledged' || now.phase === 'investigating') && !busy)
        ok(s, { type: 'mitigate', incident, action: remedy() });
    },
  );
}

/** Every number anywhere in a value, with where it sits. */
export function numbersIn(value: unknown, path = '$', out: { path: string; value: number }[] = []) {
  if (typeof value === 'number') out.push({ path, value });
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) numbersIn(v, `${path}[${i}]`, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** Detects an incident on a plain world now and pages whoever the machine says is next. */
export function ringNow(state: SimState, inc: Incident): void {
  inc.detectAt = state.now;
  for (const type of ['DETECT', 'PAGE'] as const) {
    const result = sendIncident(state, inc, { type });
    if (!result.ok) throw new Error(`${type} was refused: ${result.reason}`);
  }
}

/**
 * A Pantry DB fire answered well on Tuesday morning and a retro scheduled for it. Nobody answers the
 * round's own fires in the first day, so the world cannot be lost: the caller looks at the retro.
 */
export function scheduledRetro(): { s: Simulation; incident: string; retro: string } {
  const s = createSimulationFromState(world(3), false);
  s.advance(24 * 60 + 9 * 60);
  ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity' });
  const incident = lastIncident(s.snapshot()).id;
  respondWell(s, incident, () => 'scale-up');
  ok(s, { type: 'scheduleRetro', incident });
  return { s, incident, retro: must(must(s.snapshot().incidents[incident]).retroId) };
}
