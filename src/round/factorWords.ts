import { conditionWords, type Factor, isRealWeakness, type Snapshot } from '../sim';

/**
 * A retro's factor as the report and the debrief tell it, from the world as it is: a factor about a
 * weakness says what it was only when that weakness is real; a failure with no real weakness behind it
 * (a rehearsal made up on the spot) is said to be one, whoever set it.
 */
export function factorWords(s: Snapshot, f: Pick<Factor, 'key' | 'conditionId' | 'text'>, kind?: string): string {
  if (f.key !== 'condition' && f.key !== 'sibling-condition') return f.text;
  if (f.conditionId && isRealWeakness(s, f.conditionId)) return f.text;
  const what = kind ?? (f.conditionId ? s.conditions[f.conditionId]?.kind : undefined);
  return `The ${what ? `${conditionWords(what)} ` : ''}failure was a rehearsal with no real weakness behind it: nothing real to remove.`;
}
