import { describe, expect, it } from 'vitest';
import { GhostTimeline } from '../../src/round/ghost';
import { createSimulation, createWorld, scoreTerms } from '../../src/sim';
import { scenario } from '../sim/fixtures';

/**
 * Par is worked out when a screen first reads it, not at every minute a round passes through. Read at once or
 * later, it is the never-learning world's score at the view's own minute; from a ghost stepped in place it can
 * only be read before the ghost moves on, and reading it after says so rather than giving a later minute's par.
 */
const platform = scenario('platform');
const setup = { seed: 43, weeks: 1 };

function round(fast: boolean) {
  const world = createWorld(platform, setup);
  const sim = createSimulation(platform, { ...setup, fast });
  return { sim, ghost: new GhostTimeline(platform, world, [], fast) };
}

describe('par, read from a ghost view', () => {
  it('is the never-learning world’s score at the view’s minute, whenever it is read (stepped through Immer)', () => {
    const { sim, ghost } = round(false);
    sim.advance(3 * 1440);
    const early = ghost.follow(sim.snapshot()).view;
    const expected = scoreTerms(early.world);
    sim.advance(2 * 1440);
    const later = ghost.follow(sim.snapshot()).view;
    // Read after the ghost moved on: still the first view's minute.
    expect(early.parTerms).toEqual(expected);
    expect(early.par).toBe(expected.score);
    expect(later.par).toBe(scoreTerms(later.world).score);
    expect(later.world.now).toBeGreaterThan(early.world.now);
  });

  it('is the same read at once from a ghost stepped in place, and refused once that ghost moved on', () => {
    const slow = round(false);
    const fast = round(true);
    for (const r of [slow, fast]) r.sim.advance(4 * 1440);
    const immer = slow.ghost.follow(slow.sim.snapshot()).view;
    const inPlace = fast.ghost.follow(fast.sim.snapshot()).view;
    expect(inPlace.parTerms).toEqual(immer.parTerms);

    const unread = fast.ghost.follow(fast.sim.snapshot()).view;
    fast.sim.advance(60);
    fast.ghost.follow(fast.sim.snapshot());
    expect(() => unread.par).toThrow(/moved on/);
  });
});
