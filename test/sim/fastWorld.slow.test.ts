import { describe, expect, it } from 'vitest';
import { playRound, policies, stateHash } from '../../src/sim';
import { must, scenario } from './fixtures';

/**
 * Rounds played headless step their world in place (fast) rather than through Immer. The same rules
 * run either way, so every bot's round must come out the same to the last bit, log and all.
 */
describe('a world stepped in place', () => {
  for (const id of ['platform', 'startup', 'scaleup'] as const) {
    it(`gives the same world as one stepped through Immer, for every bot on ${id}`, () => {
      const sc = scenario(id);
      for (const [i, name] of Object.keys(policies).entries()) {
        const options = { seed: 11 + i, weeks: 1, policy: must(policies[name]) };
        const slow = playRound(sc, options);
        const fast = playRound(sc, { ...options, fast: true });
        expect(stateHash(fast.state), name).toBe(stateHash(slow.state));
        expect(fast.entries, name).toEqual(slow.entries);
        expect(Object.isFrozen(fast.state.engineers), 'handed out frozen').toBe(true);
      }
    }, 120_000);
  }
});
