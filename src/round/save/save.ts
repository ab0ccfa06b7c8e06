import type { LogEntry, Snapshot } from '../../sim';
import {
  clip,
  MAX_DEPTH,
  MAX_SAVE_CHARS,
  type OwnershipModel,
  type Scenario,
  type SimState,
  stateHash,
  stripBom,
  type TimedInput,
  textDepthExceeds,
  validateScenario,
} from '../../sim';
import type { HistoryPoint } from '../history';
import { historyProblem, savedWorldProblem } from './checks';
import { savedLogOf, worldInputsOf } from './log';
import { migrateSave, SAVE_VERSION, withInvestigationDefaults } from './migrations';

/** The round's log as a save keeps it: complete when the round began with a log, partial when migrated. */
export interface SavedLog {
  ownership: OwnershipModel;
  complete: boolean;
  entries: LogEntry[];
}

/** A saved round: a checkpoint of the world plus the log that led there. Older versions are migrated on load. */
export interface SaveFile {
  saveVersion: typeof SAVE_VERSION;
  savedAt: string;
  scenario: Scenario;
  /** The checkpoint: the world at the minute of saving. */
  state: SimState;
  history: HistoryPoint[];
  /** The state's own hash, so a damaged or edited save is caught before it is played. */
  stateHash: string;
  log: SavedLog;
  /** Outside fires scheduled and still to come (a guided first fire, a scripted game day). */
  scheduled: TimedInput[];
}

export type LoadResult = { ok: true; save: SaveFile } | { ok: false; reason: string };

export function makeSave(
  scenario: Scenario,
  state: Snapshot,
  history: HistoryPoint[],
  savedAt: string,
  log: SavedLog = { ownership: state.ownership, complete: false, entries: [] },
  scheduled: TimedInput[] = [],
): SaveFile {
  return {
    saveVersion: SAVE_VERSION,
    savedAt,
    scenario,
    state: state as SimState,
    history,
    stateHash: stateHash(state),
    log,
    scheduled,
  };
}

/** Reads a saved round; anything wrong gives a reason, never an exception. */
export function parseSave(text: string): LoadResult {
  try {
    return readSave(text);
  } catch (err) {
    return { ok: false, reason: `the saved round could not be checked (${clip(String(err))})` };
  }
}

function readSave(text: string): LoadResult {
  if (typeof text !== 'string' || text.length > MAX_SAVE_CHARS)
    return { ok: false, reason: `the saved round is larger than ${MAX_SAVE_CHARS / 1_000_000} MB` };
  const body = stripBom(text);
  if (textDepthExceeds(body))
    return { ok: false, reason: `the saved round is nested more than ${MAX_DEPTH} levels deep` };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the saved round is not readable (not valid JSON)' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'the saved round is empty' };
  const save = migrateSave(raw as Record<string, unknown>);
  if (save.saveVersion !== SAVE_VERSION)
    return { ok: false, reason: `the saved round has an unknown version (${describeVersion(save.saveVersion)})` };
  const scenario = validateScenario(save.scenario);
  if (!scenario.ok)
    return {
      ok: false,
      reason: `the saved round's scenario is invalid: ${scenario.problems[0]?.path} ${scenario.problems[0]?.message}`,
    };
  const state = save.state;
  if (!state || typeof state !== 'object' || Array.isArray(state))
    return { ok: false, reason: 'the saved round has no world in it' };
  const broken = savedWorldProblem(state);
  if (broken) return { ok: false, reason: `the saved round's world is damaged at ${broken}` };
  if (stateHash(state as SimState) !== save.stateHash)
    return { ok: false, reason: 'the saved round was damaged or edited (its check does not match)' };
  const world = withInvestigationDefaults(state as Record<string, unknown>) as unknown as SimState;
  const hash = stateHash(world);
  const history = save.history === undefined ? [] : save.history;
  const badHistory = historyProblem(history);
  if (badHistory) return { ok: false, reason: `the saved round's chart is damaged at ${badHistory}` };
  const log = savedLogOf(save.log, (state as SimState).now);
  if (typeof log === 'string') return { ok: false, reason: `the saved round's log is damaged at ${log}` };
  return {
    ok: true,
    save: {
      saveVersion: SAVE_VERSION,
      savedAt: clip(String(save.savedAt ?? '')),
      scenario: scenario.scenario,
      state: world,
      history: history as HistoryPoint[],
      stateHash: hash,
      log,
      scheduled: worldInputsOf(save.scheduled),
    },
  };
}

function describeVersion(v: unknown): string {
  return typeof v === 'number' || typeof v === 'string' ? clip(JSON.stringify(v)) : v === undefined ? 'none' : typeof v;
}
