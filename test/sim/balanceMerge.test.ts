import { describe, expect, it } from 'vitest';
import { mergeSeedLines } from '../../src/headless/balanceMerge';

const line = (seed: number, lf: number, sl: number, farm: number, silent = 1, overclaims = 0) => ({
  scenario: 'startup',
  weeks: 2,
  seed,
  scores: { 'learning-first': lf, 'steady-learner': sl, 'farm-cheap-items': farm, baseline: 0 },
  silent,
  overclaims,
});

describe('the balance table merged from seed logs', () => {
  it('counts each seed once, a tie as a loss, and names the bot that beat learning-first most', () => {
    const rows = mergeSeedLines([
      line(1, 50, 40, 30),
      line(2, 50, 40, 50, 0),
      line(3, 50, 40, 60, 1, 1),
      line(3, 50, 40, 60, 1, 1), // the same seed logged twice (a range run again) counts once
      line(4, 50, 20, 30),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      scenario: 'startup',
      weeks: 2,
      seeds: 4,
      ahead: { 'learning-first': 0.5, 'steady-learner': 0.25 },
      silentShown: 0.75,
      overclaims: 1,
      nearest: 'farm-cheap-items (2)',
    });
  });
});
