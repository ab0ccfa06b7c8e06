import { describe, expect, it } from 'vitest';
import { Replay, stateHash } from '../../src/sim';
import { scenario } from './fixtures';

/**
 * A bot decides when it looks next at its looks and at outside inputs, never at the minute its caller happened
 * to stop: the never-learning replay read at the end of a round and the same replay stepped frame by frame, as
 * the page's ghost and the debrief step it, are the same world.
 */
describe('a bot timeline stepped in any chunks', () => {
  for (const id of ['platform', 'startup'] as const) {
    it(`on ${id}, in one call and in chunks of 1 to 13 minutes, ends in the same world`, () => {
      const sc = scenario(id);
      const ours = { seed: 7, weeks: 1, ownership: sc.ownership };
      const fire = {
        at: 1500,
        command: {
          type: 'injectIncident' as const,
          service: sc.services[0]?.id ?? '',
          kind: sc.services[0]?.conditions[0]?.kind ?? 'capacity',
        },
      };
      const whole = new Replay(sc, ours, [fire]).advanceTo(3 * 1440);
      const stepped = new Replay(sc, ours, [fire]);
      let m = 0;
      let k = 0;
      while (m < 3 * 1440) {
        m = Math.min(3 * 1440, m + 1 + ((k++ * 7) % 13));
        stepped.advanceTo(m);
      }
      expect(whole.openIncidents.length + Object.keys(whole.incidents).length).toBeGreaterThan(0);
      expect(stateHash(stepped.state())).toBe(stateHash(whole));
    });
  }
});
