import type { OwnershipModel, TimedInput } from '../sim';
import { entryProblem, type LogEntry } from '../sim/inputLog';
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
  let last = 0;
  for (let i = 0; i < log.entries.length; i++) {
    const bad = entryProblem(log.entries[i]);
    if (bad) return `log.entries[${i}]${bad.startsWith('.') ? '' : ' '}${bad}`;
    const at = (log.entries[i] as LogEntry).at;
    if (at < last || at > now) return `log.entries[${i}].at (minute ${at} is out of order)`;
    last = at;
  }
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
