import type { LearningEvidence } from './learned';
import type { Snapshot } from './model/snapshot';

export type Outcome = 'won' | 'survived' | 'lost';

export interface RoundOutcome {
  outcome: Outcome;
  /** One sentence: why. */
  reason: string;
}

const fmt = (x: number) => String(Math.round(x * 10) / 10);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How the round ended: lost (customers' trust collapsed or too many people left), won (survived, above par —
 * the never-learning organization on the same luck — and with something to show it learned: a real weakness
 * an item closed on, or an incident that did not happen because of it), or survived. A round above par that
 * learned nothing held the line by responding better; it is told so, never that it learned.
 */
export function roundOutcome(
  state: Snapshot,
  score: number,
  par: number,
  evidence: Pick<LearningEvidence, 'learned' | 'realWeaknessesClosed' | 'incidentsPrevented'>,
): RoundOutcome {
  if (state.lost) return { outcome: 'lost', reason: state.lost.reason };
  const against = `${fmt(score)} against par ${fmt(par)}`;
  if (score > par && evidence.learned)
    return {
      outcome: 'won',
      reason: `The organization came through and learned more than a team that never learns: ${count(evidence.realWeaknessesClosed, 'real weakness', 'real weaknesses')} closed, ${count(evidence.incidentsPrevented, 'incident', 'incidents')} prevented; ${against}.`,
    };
  if (score > par)
    return {
      outcome: 'survived',
      reason: `The organization held the line: it responded better than a team that never learns (${against}), but learned nothing — no real weakness closed, no incident prevented.`,
    };
  return {
    outcome: 'survived',
    reason: `The organization came through, but learned no more than a team that never learns: ${against}.`,
  };
}
