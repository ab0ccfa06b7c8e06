import type { Snapshot } from './model/snapshot';

export type Outcome = 'won' | 'survived' | 'lost';

export interface RoundOutcome {
  outcome: Outcome;
  /** One sentence: why. */
  reason: string;
}

const fmt = (x: number) => String(Math.round(x * 10) / 10);

/**
 * How the round ended: lost (customers' trust collapsed or too many people left), won (survived and
 * learned more than par, the never-learning organization on the same luck), or merely survived.
 */
export function roundOutcome(state: Snapshot, score: number, par: number): RoundOutcome {
  if (state.lost) return { outcome: 'lost', reason: state.lost.reason };
  if (score > par)
    return {
      outcome: 'won',
      reason: `The organization came through and learned more than a team that never learns: ${fmt(score)} against par ${fmt(par)}.`,
    };
  return {
    outcome: 'survived',
    reason: `The organization came through, but learned no more than a team that never learns: ${fmt(score)} against par ${fmt(par)}.`,
  };
}
