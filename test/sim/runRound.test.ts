import { beforeAll, describe, expect, it } from 'vitest';
import {
  MINUTES_PER_WEEK,
  policies,
  policyDescriptions,
  runRound,
  type SimState,
  scoreCard,
  stateHash,
} from '../../src/sim';
import { must, numbersIn, scenario } from './fixtures';

const platform = scenario('platform');
const round = (policy: 'baseline' | 'learning-first', seed: number) =>
  runRound(platform, { seed, weeks: 2, policy: must(policies[policy]) });

describe('headless rounds', () => {
  const results = { baseline: [] as SimState[], learning: [] as SimState[] };
  beforeAll(() => {
    results.baseline = [round('baseline', 17), round('baseline', 17), round('baseline', 18)];
    results.learning = [round('learning-first', 17), round('learning-first', 17), round('learning-first', 18)];
  });

  it('the same seed and policy give the same world', () => {
    for (const [a, b] of [results.baseline, results.learning])
      expect(stateHash(b as SimState)).toBe(stateHash(a as SimState));
  });

  it('a different seed gives a different world', () => {
    for (const [a, , c] of [results.baseline, results.learning])
      expect(stateHash(c as SimState)).not.toBe(stateHash(a as SimState));
  });

  it('different policies on the same luck lead to different worlds', () => {
    expect(stateHash(must(results.learning[0]))).not.toBe(stateHash(must(results.baseline[0])));
  });

  it('plays the whole round, keeping every number finite', () => {
    for (const s of [...results.baseline, ...results.learning]) {
      expect(s.now).toBe(2 * MINUTES_PER_WEEK);
      expect(numbersIn(s).filter((n) => !Number.isFinite(n.value))).toEqual([]);
      expect(Number.isFinite(scoreCard(s).score)).toBe(true);
    }
  });

  it('the baseline never learns; learning first holds retros and reviews near misses', () => {
    for (const s of results.baseline) {
      expect(s.totals.retros).toBe(0);
      expect(Object.keys(s.actionItems)).toHaveLength(0);
    }
    const learning = results.learning.map((s) => s.totals.retros + s.totals.nearMissesReviewed + s.totals.drills);
    expect(Math.min(...learning)).toBeGreaterThan(0);
    for (const s of results.learning) {
      for (const t of s.teamOrder) expect(s.teams[t]?.reliabilityShare).toBeCloseTo(0.35, 12);
      for (const r of Object.values(s.retros)) expect(r.framing === null || r.framing === 'blameless').toBe(true);
    }
  });

  it('stops early when asked, at the minute given', () => {
    const early = runRound(platform, { seed: 17, weeks: 2, policy: must(policies.baseline), until: 3000 });
    expect(early.now).toBe(3000);
  });

  it('every policy has a description', () => {
    for (const name of Object.keys(policies)) expect(policyDescriptions[name], name).toMatch(/\S/);
  });
});
