import type { OwnershipModel, TimedInput } from '../../sim';
import { entriesProblem, entryProblem, type LogEntry } from '../../sim';
import type { SavedLog } from './save';

const OWNERSHIP: readonly string[] = ['ops-team', 'you-build-it', 'hybrid'];
const MAX_ENTRIES = 1_000_000;

/** A save's log, checked entry by entry; a problem is the path of the first bad part. */
export function savedLogOf(raw: unknown, now: number): SavedLog | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'log';
  const log = raw as Record<string, unknown>;
  if (typeof log.ownership !== 'string' || !OWNERSHIP.includes(log.ownership)) return 'log.ownership';
  if (typeof log.complete !== 'boolean') return 'log.complete';
  if (!Array.isArray(log.entries) || log.entries.length > MAX_ENTRIES) return 'log.entries';
  const bad = entriesProblem(log.entries, now);
  if (bad) return `log.entries${bad}`;
  return {
    ownership: log.ownership as OwnershipModel,
    complete: log.complete,
    entries: log.entries as LogEntry[],
  };
}

/** Scheduled outside fires from a save: only well-formed injections at whole minutes survive. */
export function worldInputsOf(raw: unknown): TimedInput[] {
  if (!Array.isArray(raw)) return [];
  const out: TimedInput[] = [];
  for (const x of raw.slice(0, 10_000)) {
    if (entryProblem(x) !== null) continue;
    const { at, command, by } = x as LogEntry & { command?: TimedInput['command'] };
    if (command?.type !== 'injectIncident') continue;
    out.push({ at, command, ...(by ? { by } : {}) });
  }
  return out;
}
