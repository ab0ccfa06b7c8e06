import { describe, expect, it } from 'vitest';
import { BOOTH, isBooth, realSeconds } from '../../src/app/booth';
import { builtInScenarios, defaultScenarioId } from '../../src/content/scenarios';
import { MINUTES_PER_WEEK, policies, runRound, validateScenario } from '../../src/sim';

describe('the booth preset', () => {
  it('is asked for with ?booth in the address', () => {
    expect(isBooth('?booth')).toBe(true);
    expect(isBooth('?seed=4&booth=1')).toBe(true);
    expect(isBooth('')).toBe(false);
    expect(isBooth('?boothy')).toBe(false);
  });

  it('counts real time as the frame loop runs it: calm minutes fast, live incidents slowed', () => {
    expect(realSeconds(MINUTES_PER_WEEK, [], 2)).toBeCloseTo(MINUTES_PER_WEEK / 80, 5);
    // Two overlapping incidents are one stretch of slowed time, not two.
    const one = realSeconds(1000, [{ detectedAt: 100, resolvedAt: 200 }], 2);
    const overlapping = realSeconds(
      1000,
      [
        { detectedAt: 100, resolvedAt: 200 },
        { detectedAt: 150, resolvedAt: 180 },
      ],
      2,
    );
    expect(overlapping).toBeCloseTo(one, 5);
    expect(one).toBeGreaterThan(realSeconds(1000, [], 2));
  });

  it('plays a round in five real minutes or less, on every seed tried, when nobody pauses it', () => {
    const checked = validateScenario(builtInScenarios[defaultScenarioId]);
    if (!checked.ok) throw new Error('the default scenario is invalid');
    const bot = policies['learning-first'];
    if (!bot) throw new Error('no learning-first bot');
    const times = [1, 2, 3, 4, 5].map((seed) => {
      const state = runRound(checked.scenario, { seed, weeks: BOOTH.weeks, policy: bot });
      return realSeconds(BOOTH.weeks * MINUTES_PER_WEEK, Object.values(state.incidents), BOOTH.speed);
    });
    for (const t of times) expect(t).toBeLessThanOrEqual(300);
    // Not trivially short either: there is a round to play.
    expect(Math.min(...times)).toBeGreaterThan(120);
  });
});
