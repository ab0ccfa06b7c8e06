import { describe, expect, it } from 'vitest';
import { readSeedLog } from '../../src/headless/balanceMerge';
import type { BotResult, SeedResult } from '../../src/headless/balanceSeed';
import { balanceRows, markdownTable } from '../../src/headless/balanceTable';

const bot = (score: number, par: number, learned = true): BotResult => ({
  score,
  par,
  incidents: 2,
  replayIncidents: 3,
  silentSuccesses: learned ? 1 : 0,
  prevented: learned ? 1 : 0,
  realWeaknessesClosed: learned ? 1 : 0,
  learned,
  learningPoints: learned ? 10 : 0,
  lost: false,
});

/** One seed: the three learners, a farmer and the baseline, all against the same par. */
const seed = (n: number, lf: number, sl: number, ch: number, farm: number): SeedResult => ({
  scenario: 'startup',
  weeks: 2,
  seed: n,
  bots: {
    'learning-first': bot(lf, 0),
    'steady-learner': bot(sl, 0),
    'careful-human': bot(ch, 0),
    'farm-cheap-items': bot(farm, 0, false),
    baseline: bot(0, 0, false),
  },
});

describe('the balance table merged from seed logs', () => {
  it('counts each seed once, a tie as a loss, rounds above par with nothing learned, and the nearest bot', () => {
    const log = [seed(1, 50, 40, 45, 30), seed(2, 50, 40, 45, 50), seed(3, 50, 40, 45, 60), seed(3, 50, 40, 45, 60)]
      .map((s) => JSON.stringify(s))
      .join('\n');
    const rows = balanceRows([...readSeedLog(log), seed(4, 50, 20, 45, 30)]);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ scenario: 'startup', weeks: 2, seeds: 4, overclaims: 0 });
    expect(row?.aheadOnGap).toEqual({ 'learning-first': 0.5, 'steady-learner': 0.25, 'careful-human': 0.5 });
    expect(row?.aheadOnScore).toEqual(row?.aheadOnGap);
    // The farmer ended above par on every seed and learned nothing; the baseline sits at par.
    expect(row?.aboveParUnlearned).toBe(4);
    expect(row?.aboveParUnlearnedBots).toEqual(['farm-cheap-items']);
    expect(row?.nearest['steady-learner']).toBe('farm-cheap-items (3)');
    expect(markdownTable(rows)).toContain('| startup | 2 | 4 | 50% / 50% | 25% / 25% | 50% / 50% |');
  });
});
