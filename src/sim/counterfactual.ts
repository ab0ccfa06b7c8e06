import type { Immutable } from 'immer';
import type { Snapshot } from './model/snapshot';
import type { ConditionChange, Incident, SimState } from './model/types';
import { baseline } from './policies';
import { scheduledFires } from './scenario/scheduledFires';
import type { Scenario } from './scenario/schema';
import { createSimulation } from './simulation';
import { type TimedInput, Timeline } from './timeline';

/** Two runs match an incident when the same condition fired within this many minutes. */
const MATCH_MINUTES = 6 * 60;

export interface SilentSuccess {
  /** The incident as it happened in the never-learning replay. */
  incident: Immutable<Incident>;
  serviceName: string;
  customerMinutes: number;
  /** What had weakened or removed its condition before it fired: an action item or a shared retro. */
  preventedBy: { id: string; title: string; by: ConditionChange['by']; at: number };
}

export interface SilentReport {
  /** Replay incidents that did not happen here because a change had weakened their condition first. */
  prevented: SilentSuccess[];
  /** Replay incidents that did not happen here with nothing of ours behind it: luck and timing, not credited. */
  luck: number;
  /** Incidents here that the replay did not have: honesty cuts both ways. */
  extraHere: number;
  incidents: number;
  replayIncidents: number;
  /** The count shown to players: attributed successes, never more than the incidents actually saved. */
  net: number;
  customerMinutesSaved: number;
}

function incidentsOf(state: Snapshot, until: number): Immutable<Incident>[] {
  const out: Immutable<Incident>[] = [];
  for (const id of state.incidentOrder) {
    const inc = state.incidents[id];
    if (inc && !inc.prior && inc.startedAt <= until) out.push(inc);
  }
  return out;
}

/** The last change of ours that weakened a condition before the minute it fired in the replay. */
function changeBefore(ours: Snapshot, conditionId: string, minute: number): ConditionChange | null {
  const changes = Object.hasOwn(ours.conditions, conditionId) ? ours.conditions[conditionId]?.weakened : undefined;
  let found: ConditionChange | null = null;
  for (const c of changes ?? []) if (c.at <= minute && c.strengthAfter < c.strengthBefore) found = c;
  return found;
}

/** Compares a round with its never-learning replay: what was prevented, by what, and what was luck. */
export function compareWithReplay(ours: Snapshot, replay: Snapshot): SilentReport {
  const mine = incidentsOf(ours, ours.now);
  const theirs = incidentsOf(replay, ours.now);
  const matched = new Set<string>();
  const prevented: SilentSuccess[] = [];
  let luck = 0;
  for (const inc of theirs) {
    const twin = mine.find(
      (m) =>
        !matched.has(m.id) &&
        m.conditionId === inc.conditionId &&
        Math.abs(m.startedAt - inc.startedAt) <= MATCH_MINUTES,
    );
    if (twin) {
      matched.add(twin.id);
      continue;
    }
    const change = changeBefore(ours, inc.conditionId, inc.startedAt);
    if (!change) {
      luck += 1;
      continue;
    }
    prevented.push({
      incident: inc,
      serviceName: replay.services[inc.service]?.name ?? inc.service,
      customerMinutes: inc.customerMinutes,
      preventedBy: { id: change.id, title: change.title, by: change.by, at: change.at },
    });
  }
  const net = Math.min(prevented.length, Math.max(0, theirs.length - mine.length));
  return {
    prevented,
    luck,
    extraHere: mine.length - matched.size,
    incidents: mine.length,
    replayIncidents: theirs.length,
    net,
    customerMinutesSaved: prevented.slice(0, net).reduce((s, p) => s + p.customerMinutes, 0),
  };
}

/**
 * The never-learning replay: the same scenario, seed and luck (common random numbers) and the
 * same outside inputs, played by the baseline bot, advanced alongside a game.
 */
export class Replay {
  private readonly timeline: Timeline;

  /** `fast`: stepped in place, for a replay read once at the end (see SimulationOptions.fast). */
  constructor(
    scenario: Scenario,
    ours: Pick<SimState, 'seed' | 'weeks' | 'ownership'>,
    inputs: TimedInput[] = [],
    fast = false,
  ) {
    const sim = createSimulation(scenario, {
      seed: ours.seed,
      weeks: ours.weeks,
      ownership: ours.ownership,
      canLose: false,
      fast,
    });
    this.timeline = new Timeline(sim, baseline, [...scheduledFires(scenario), ...inputs]);
  }

  /** A fire from outside that the player's timeline faces now: the replay faces it at the same minute. */
  add(input: TimedInput): void {
    this.timeline.add(input);
  }

  advanceTo(minute: number): SimState {
    return this.timeline.advanceTo(minute);
  }

  state(): SimState {
    return this.timeline.sim.snapshot() as SimState;
  }
}

/** Replays the whole round with the baseline bot (facing the same inputs) and compares. */
export function silentSuccesses(scenario: Scenario, ours: Snapshot, inputs: TimedInput[] = []): SilentReport {
  const replay = new Replay(scenario, ours, inputs, true).advanceTo(ours.now);
  return compareWithReplay(ours, replay);
}
