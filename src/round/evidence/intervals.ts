import type { IncidentMarks, Mark } from './marks';

/**
 * The intervals a learning curve follows: from one behavioural timestamp to the next. Each is measured in
 * simulated minutes; null when its end never came (no commander was named, no retro was held).
 */
export const INTERVALS = [
  { key: 'detect', from: 'started', to: 'detected', words: 'to detect' },
  { key: 'answer', from: 'detected', to: 'acknowledged', words: 'to answer the page' },
  { key: 'command', from: 'acknowledged', to: 'rolesSet', words: 'to name an incident commander' },
  { key: 'tell', from: 'detected', to: 'firstStatus', words: 'to tell customers' },
  { key: 'clue', from: 'acknowledged', to: 'firstUsefulClue', words: 'to a useful clue' },
  { key: 'mitigate', from: 'detected', to: 'mitigated', words: 'to mitigate' },
  { key: 'review', from: 'mitigated', to: 'retroHeld', words: 'to hold the retro' },
  { key: 'close', from: 'retroHeld', to: 'itemClosed', words: 'to close an action item' },
] as const satisfies readonly { key: string; from: Mark | 'started'; to: Mark; words: string }[];

export type IntervalKey = (typeof INTERVALS)[number]['key'];
export const INTERVAL_KEYS: readonly IntervalKey[] = INTERVALS.map((i) => i.key);

const startOf = (m: IncidentMarks, from: Mark | 'started') => (from === 'started' ? m.startedAt : m.at[from]);

/** One interval of one incident, in minutes; null when it did not end (or did not begin). */
export function intervalOf(m: IncidentMarks, key: IntervalKey): number | null {
  const def = INTERVALS.find((i) => i.key === key);
  if (!def) return null;
  const from = startOf(m, def.from);
  const to = m.at[def.to];
  return from === null || to === null ? null : Math.max(0, to - from);
}

/** Who the log credits with the decision that ended an interval, when a player is named. */
export function intervalCredit(m: IncidentMarks, key: IntervalKey): string | undefined {
  const def = INTERVALS.find((i) => i.key === key);
  return def ? m.credit[def.to] : undefined;
}
