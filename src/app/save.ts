import {
  clip,
  MAX_SAVE_CHARS,
  type Scenario,
  type SimState,
  stateHash,
  type TimedInput,
  validateScenario,
} from '../sim';
import { MAX_DEPTH, stripBom, textDepthExceeds } from '../sim/scenario/limits';
import type { HistoryPoint } from './history';
import { historyProblem, savedWorldProblem } from './saveChecks';

/** A saved round. Versioned: older versions are migrated on load. */
export interface SaveFileV1 {
  saveVersion: 1;
  savedAt: string;
  scenario: Scenario;
  state: SimState;
  history: HistoryPoint[];
  /** The state's own hash, so a damaged or edited save is caught before it is played. */
  stateHash: string;
  /** Outside fires the round faced so far, so the ghost timeline resumes facing the same. */
  inputs?: TimedInput[];
}

/** Outside fires from a save: only well-formed injections at whole minutes survive. */
function inputsOf(raw: unknown): TimedInput[] {
  if (!Array.isArray(raw)) return [];
  const out: TimedInput[] = [];
  for (const x of raw.slice(0, 10_000)) {
    const at = (x as { at?: unknown })?.at;
    const c = (x as { command?: Record<string, unknown> })?.command;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || !c || typeof c !== 'object') continue;
    if (c.type !== 'injectIncident' || typeof c.service !== 'string' || typeof c.kind !== 'string') continue;
    out.push({ at, command: { type: 'injectIncident', service: c.service, kind: c.kind as never } });
  }
  return out;
}

export const SAVE_KEY = 'firepants.save';

export type LoadResult = { ok: true; save: SaveFileV1 } | { ok: false; reason: string };

export function makeSave(
  scenario: Scenario,
  state: Readonly<SimState>,
  history: HistoryPoint[],
  savedAt: string,
): SaveFileV1 {
  return { saveVersion: 1, savedAt, scenario, state, history, stateHash: stateHash(state) };
}

/** Migrations from older save versions to the current one, by version. None yet: version 1 is the first. */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

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
  let save = raw as Record<string, unknown>;
  let version = save.saveVersion;
  for (let step = 0; typeof version === 'number' && Object.hasOwn(migrations, version) && step < 100; step++) {
    save = (migrations[version] as (r: Record<string, unknown>) => Record<string, unknown>)(save);
    version = save.saveVersion;
  }
  if (version !== 1)
    return { ok: false, reason: `the saved round has an unknown version (${describeVersion(version)})` };
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
  const hash = stateHash(state as SimState);
  if (hash !== save.stateHash)
    return { ok: false, reason: 'the saved round was damaged or edited (its check does not match)' };
  const history = save.history === undefined ? [] : save.history;
  const badHistory = historyProblem(history);
  if (badHistory) return { ok: false, reason: `the saved round's chart is damaged at ${badHistory}` };
  return {
    ok: true,
    save: {
      saveVersion: 1,
      savedAt: clip(String(save.savedAt ?? '')),
      scenario: scenario.scenario,
      state: state as SimState,
      history: history as HistoryPoint[],
      stateHash: hash,
      inputs: inputsOf(save.inputs),
    },
  };
}

function describeVersion(v: unknown): string {
  return typeof v === 'number' || typeof v === 'string' ? clip(JSON.stringify(v)) : v === undefined ? 'none' : typeof v;
}

/** Storage that may be missing or full: every call is guarded. */
export function storeText(key: string, text: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export function readText(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function removeText(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // nothing to remove
  }
}
