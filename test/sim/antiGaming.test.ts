import { describe, expect, it } from 'vitest';
import { policies, runRound, scoreCard } from '../../src/sim';
import { scenario } from './fixtures';

const SEEDS = [1, 2, 3, 4, 5, 6];
const DEGENERATE = ['do-nothing', 'always-blame', 'hero-everything', 'retro-spam', 'nines-first'] as const;

function scoreOf(policy: string, seed: number): number {
  const p = policies[policy];
  if (!p) throw new Error(`no policy ${policy}`);
  return scoreCard(runRound(scenario('platform'), { seed, weeks: 3, policy: p })).score;
}

describe('the score cannot be gamed', () => {
  const learning = SEEDS.map((seed) => scoreOf('learning-first', seed));
  for (const name of DEGENERATE) {
    it(`${name} scores below learning-first on every fixed seed`, () => {
      const theirs = SEEDS.map((seed) => scoreOf(name, seed));
      for (const [i, score] of theirs.entries()) expect(score).toBeLessThan(learning[i] as number);
    });
  }
});
