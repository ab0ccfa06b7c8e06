import { entriesProblem, type InputLog, isCommandEntry, LOG_VERSION, type LogEntry } from './inputLog';
import type { SimState } from './model/types';
import { clip, MAX_DEPTH, MAX_SAVE_CHARS, stripBom, textDepthExceeds } from './scenario/limits';
import { validateScenario } from './scenario/validate';
import { createSimulation } from './simulation';
import { roundOver } from './step';

export type LogRead = { ok: true; log: InputLog } | { ok: false; problem: string };
export type LogReplay = { ok: true; state: SimState } | { ok: false; problem: string };

const OWNERSHIP = ['ops-team', 'you-build-it', 'hybrid'];
const MAX_ENTRIES = 2_000_000;

/** Reads an input log's text; anything wrong gives a problem naming the part, never an exception. */
export function parseLogText(text: string): LogRead {
  if (typeof text !== 'string' || text.length > MAX_SAVE_CHARS)
    return { ok: false, problem: `the log is larger than ${MAX_SAVE_CHARS / 1_000_000} MB` };
  const body = stripBom(text);
  if (textDepthExceeds(body)) return { ok: false, problem: `the log is nested more than ${MAX_DEPTH} levels deep` };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'the log is not valid JSON' };
  }
  return readLog(raw);
}

/** Checks a parsed log: its version, scenario, seed, weeks and every entry, in order. */
export function readLog(raw: unknown): LogRead {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: 'the log is not an object' };
  const r = raw as Record<string, unknown>;
  if (r.logVersion !== LOG_VERSION)
    return {
      ok: false,
      problem: `logVersion must be ${LOG_VERSION}, got ${clip(JSON.stringify(r.logVersion) ?? 'nothing')}`,
    };
  const scenario = validateScenario(r.scenario);
  if (!scenario.ok) {
    const p = scenario.problems[0];
    return { ok: false, problem: `scenario${p?.path ? `.${p.path}` : ''}: ${p?.message ?? 'invalid'}` };
  }
  if (typeof r.seed !== 'number' || !Number.isInteger(r.seed) || Math.abs(r.seed) > 2 ** 31)
    return { ok: false, problem: 'seed must be a whole number' };
  if (typeof r.weeks !== 'number' || !Number.isInteger(r.weeks) || r.weeks < 1 || r.weeks > 26)
    return { ok: false, problem: 'weeks must be a whole number from 1 to 26' };
  if (r.ownership !== undefined && !OWNERSHIP.includes(r.ownership as string))
    return { ok: false, problem: `ownership must be one of ${OWNERSHIP.join(', ')}` };
  if (typeof r.until !== 'number' || !Number.isInteger(r.until) || r.until < 0)
    return { ok: false, problem: 'until must be a whole minute from 0' };
  if (!Array.isArray(r.entries)) return { ok: false, problem: 'entries must be a list' };
  if (r.entries.length > MAX_ENTRIES) return { ok: false, problem: `entries has more than ${MAX_ENTRIES} entries` };
  const bad = entriesProblem(r.entries, r.until);
  if (bad) return { ok: false, problem: `entries${bad}` };
  const hash = typeof r.stateHash === 'string' ? clip(r.stateHash, 64) : undefined;
  return {
    ok: true,
    log: {
      logVersion: LOG_VERSION,
      scenario: scenario.scenario,
      seed: r.seed,
      weeks: r.weeks,
      ...(r.ownership ? { ownership: r.ownership as InputLog['ownership'] } : {}),
      ...(typeof r.player === 'string' ? { player: clip(r.player, 40) } : {}),
      entries: r.entries as LogEntry[],
      until: r.until,
      ...(hash ? { stateHash: hash } : {}),
    },
  };
}

/**
 * Replays a log to a minute (its end by default): each command at its minute, in order. An entry the
 * world refuses means the log does not belong to this round; the problem names it.
 */
export function replayLog(log: InputLog, until: number = log.until): LogReplay {
  const sim = createSimulation(log.scenario, {
    seed: log.seed,
    weeks: log.weeks,
    ...(log.ownership ? { ownership: log.ownership } : {}),
  });
  const stop = Math.min(until, log.until);
  for (let i = 0; i < log.entries.length; i++) {
    const entry = log.entries[i] as LogEntry;
    if (entry.at > stop) break;
    if (!isCommandEntry(entry)) continue;
    sim.advance(entry.at - sim.snapshot().now);
    if (sim.snapshot().now !== entry.at || roundOver(sim.snapshot()))
      return { ok: false, problem: `entries[${i}] is at minute ${entry.at}, after the round ended` };
    const result = sim.dispatch(entry.command);
    if (!result.ok)
      return {
        ok: false,
        problem: `entries[${i}] (minute ${entry.at}, ${entry.command.type}) was refused: ${result.reason}`,
      };
  }
  sim.advance(stop - sim.snapshot().now);
  return { ok: true, state: sim.snapshot() as SimState };
}
