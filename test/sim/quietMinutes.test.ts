import { describe, expect, it } from 'vitest';
import { createSimulation, playerView, policies, stateHash } from '../../src/sim';
import { quietMinutesAhead } from '../../src/sim/step';
import { must, scenario, sim } from './fixtures';

/**
 * A world with no open incident skips the minutes in which it would only read its clock. Stepping
 * one minute per call never skips, so it is the measure: the same world either way, minute for
 * minute, with and without a team answering and on a scenario with peaks.
 */
describe('quiet minutes', () => {
  it('leave the world exactly as stepping every minute would, with nobody answering', () => {
    for (const id of ['platform', 'startup', 'scaleup'] as const) {
      const whole = createSimulation(scenario(id), { seed: 7, weeks: 1, canLose: false });
      const steps = createSimulation(scenario(id), { seed: 7, weeks: 1, canLose: false });
      whole.advance(3 * 1440);
      for (let i = 0; i < 3 * 1440; i++) steps.advance(1);
      expect(stateHash(whole.snapshot())).toBe(stateHash(steps.snapshot()));
    }
  });

  it('leave the world exactly as stepping every minute would, with a team answering every five minutes', () => {
    const bot = must(policies['learning-first']);
    const a = sim(11, 'scaleup', 2);
    const b = sim(11, 'scaleup', 2);
    for (let t = 0; t < 2 * 10080 && !a.snapshot().lost; t += 5) {
      for (const cmd of bot(playerView(a.snapshot()))) {
        expect(a.dispatch(cmd).ok).toBe(b.dispatch(cmd).ok);
      }
      a.advance(5);
      for (let i = 0; i < 5; i++) b.advance(1);
      expect(a.snapshot().now).toBe(b.snapshot().now);
    }
    expect(stateHash(a.snapshot())).toBe(stateHash(b.snapshot()));
  });

  it('stop before every chaos check, hour, peak notice and the last minute, and never while a fire burns', () => {
    const s = sim(1, 'platform', 4);
    const w = s.snapshot();
    expect(quietMinutesAhead({ ...w, now: 61, openIncidents: [] }, 1000)).toBe(29);
    expect(quietMinutesAhead({ ...w, now: 90, openIncidents: [] }, 1000)).toBe(0);
    expect(quietMinutesAhead({ ...w, now: 61, openIncidents: ['inc-1'] }, 1000)).toBe(0);
    expect(quietMinutesAhead({ ...w, now: 61, openIncidents: [] }, 3)).toBe(3);
    const end = 4 * 10080;
    expect(quietMinutesAhead({ ...w, now: end - 20, openIncidents: [] }, 1000)).toBe(19);
    const peak = must(w.peaks?.[0], 'a peak on the platform');
    expect(quietMinutesAhead({ ...w, now: peak.from - 7, openIncidents: [] }, 1000)).toBeLessThanOrEqual(7);
  });
});
