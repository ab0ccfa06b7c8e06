import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/headless/report';
import { compareWithReplay, learningEvidence, playRound, policies } from '../../src/sim';
import { must, scenario } from '../sim/fixtures';

/**
 * "Learned" says the organization learned. A round that closed no item on a real weakness and prevented no
 * incident learned nothing, however well it responded: it is never told it learned.
 */
const NEVER_LEARN = [
  'careful',
  'delegate-all',
  'perfect-responder',
  'exposure-farmer',
  'shadow-spam',
  'know-and-hoard',
];

describe('the outcome claims learning only where something was learned', () => {
  for (const [id, weeks] of [
    ['startup', 1],
    ['platform', 2],
  ] as const) {
    it(`on ${id} at ${weeks} week${weeks === 1 ? '' : 's'}, bots that learned nothing are never told they learned`, () => {
      const sc = scenario(id);
      const baseline = must(policies.baseline);
      let aboveParUnlearned = 0;
      for (const seed of [1, 2, 3]) {
        const replay = playRound(sc, { seed, weeks, policy: baseline, canLose: false, fast: true }).state;
        for (const name of NEVER_LEARN) {
          const played = playRound(sc, { seed, weeks, policy: must(policies[name]), fast: true }).state;
          const r = summarize(sc, played, name, replay.now === played.now ? replay : undefined);
          const evidence = learningEvidence(played, compareWithReplay(played, replay));
          if (evidence.learned) continue;
          if (r.score > r.par) aboveParUnlearned++;
          expect(r.outcome, `${name}, seed ${seed}`).not.toBe('learned');
          expect(r.outcomeReason, `${name}, seed ${seed}`).not.toMatch(/organization learned/);
          if (r.score > r.par && r.outcome !== 'lost')
            expect(r.outcomeReason).toMatch(/closed no item on a real weakness and prevented no incident/);
        }
      }
      // The claim is tested where it could be false: rounds above par that learned nothing.
      expect(aboveParUnlearned).toBeGreaterThan(0);
    }, 120_000);
  }

  it('an honest learner that closed real weaknesses and beat par is told it learned, and why', () => {
    const sc = scenario('startup');
    const played = playRound(sc, { seed: 1, weeks: 2, policy: must(policies['learning-first']), fast: true }).state;
    const r = summarize(sc, played, 'learning-first');
    expect(r.score).toBeGreaterThan(r.par);
    expect(r.outcome).toBe('learned');
    expect(r.outcomeReason).toMatch(/^The organization learned: /);
    expect(r.outcomeReason).toMatch(/\d+ (item|items) closed on real weaknesses|\d+ incidents? prevented/);
  });
});
