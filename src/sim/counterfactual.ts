import type { Incident, SimState } from './model/types';
import { baseline } from './policies';
import { playWithPolicy } from './runRound';
import type { Scenario } from './scenario/schema';
import { createSimulation, type Simulation } from './simulation';

/** Two runs match an incident when the same condition fired within this many minutes. */
const MATCH_MINUTES = 6 * 60;

export interface SilentSuccess {
  /** The incident as it happened in the never-learning replay. */
  incident: Incident;
  serviceName: string;
  customerMinutes: number;
  /** The closed action item that removed or weakened its condition first, if any. */
  preventedBy: { id: string; title: string } | null;
}

export interface SilentReport {
  prevented: SilentSuccess[];
  customerMinutesSaved: number;
  /** Incidents here that the replay did not have: honesty cuts both ways. */
  extraHere: number;
  replayIncidents: number;
}

/**
 * The never-learning replay: the same scenario, seed and luck (common random
 * numbers), played by the baseline bot, advanced step by step alongside a game.
 */
export class Replay {
  private readonly sim: Simulation;

  constructor(scenario: Scenario, ours: Pick<SimState, 'seed' | 'weeks' | 'ownership'>) {
    this.sim = createSimulation(scenario, { seed: ours.seed, weeks: ours.weeks, ownership: ours.ownership });
  }

  advanceTo(minute: number): SimState {
    return playWithPolicy(this.sim, baseline, minute);
  }
}

function incidentsOf(state: Readonly<SimState>): Incident[] {
  return state.incidentOrder.map((id) => state.incidents[id]).filter((i): i is Incident => !!i && !i.injected);
}

/** Incidents that happened in the replay and not here, and what prevented them. */
export function compareWithReplay(ours: Readonly<SimState>, replay: Readonly<SimState>): SilentReport {
  const mine = incidentsOf(ours);
  const theirs = incidentsOf(replay).filter((i) => i.startedAt <= ours.now);
  const matched = new Set<string>();
  const prevented: SilentSuccess[] = [];
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
    const item = Object.values(ours.actionItems).find(
      (a) => a.status === 'closed' && a.conditionId === inc.conditionId && (a.closedAt ?? Infinity) <= inc.startedAt,
    );
    prevented.push({
      incident: inc,
      serviceName: replay.services[inc.service]?.name ?? inc.service,
      customerMinutes: inc.customerMinutes,
      preventedBy: item ? { id: item.id, title: item.title } : null,
    });
  }
  return {
    prevented,
    customerMinutesSaved: prevented.reduce((s, p) => s + p.customerMinutes, 0),
    extraHere: mine.length - matched.size,
    replayIncidents: theirs.length,
  };
}

/** Replays the whole round with the baseline bot and compares. */
export function silentSuccesses(scenario: Scenario, ours: Readonly<SimState>): SilentReport {
  const replay = new Replay(scenario, ours).advanceTo(ours.now);
  return compareWithReplay(ours, replay);
}
