import {
  type InputLog,
  isCommandEntry,
  isWorldInput,
  type LogEntry,
  Replay,
  replayLog,
  type Snapshot,
  stateHash,
  type TimedInput,
} from '../../sim';
import { type IncidentMarks, incidentMarks } from './marks';

/** One round's evidence: the table's incidents and the never-learning replay's on the same luck, with their marks. */
export interface RoundEvidence {
  scenario: { id: string; name: string };
  seed: number;
  weeks: number;
  /** The minute the round was played to. */
  until: number;
  /** The world's hash at `until`: the round this evidence was read from. */
  stateHash: string;
  incidents: IncidentMarks[];
  /** The never-learning organization's incidents (same scenario, seed, luck and outside fires). */
  replay: IncidentMarks[];
}

/** Reads a round's evidence from its world, its input log and the never-learning replay's world at the same minute. */
export function roundEvidence(world: Snapshot, entries: readonly LogEntry[], replay: Snapshot): RoundEvidence {
  return {
    scenario: { id: world.scenarioId, name: world.scenarioName },
    seed: world.seed,
    weeks: world.weeks,
    until: world.now,
    stateHash: stateHash(world),
    incidents: incidentMarks(world, entries),
    replay: incidentMarks(replay),
  };
}

/** The outside fires a log's round faced (the scenario's own come to every timeline by themselves). */
export function outsideInputs(entries: readonly LogEntry[]): TimedInput[] {
  return entries
    .filter(isCommandEntry)
    .filter((e) => isWorldInput(e.command) && e.by !== 'scenario')
    .map((e) => ({ at: e.at, command: e.command, by: e.by }));
}

export type EvidenceRead = { ok: true; evidence: RoundEvidence } | { ok: false; problem: string };

/**
 * The same evidence rebuilt from the input log alone: the round replayed, and the never-learning
 * organization played beside it on the same luck and outside fires.
 */
export function roundEvidenceFromLog(log: InputLog): EvidenceRead {
  const played = replayLog(log);
  if (!played.ok) return { ok: false, problem: played.problem };
  const ownership = log.ownership ?? played.state.ownership;
  const replay = new Replay(
    log.scenario,
    { seed: log.seed, weeks: log.weeks, ownership },
    outsideInputs(log.entries),
  ).advanceTo(log.until);
  return { ok: true, evidence: roundEvidence(played.state, log.entries, replay) };
}
