import { describe, expect, it } from 'vitest';
import { createWorld, hourOf, localTime, onCall, rotationWarnings, teamSites, validateScenario } from '../../src/sim';
import { rawScenario, scenario } from './fixtures';

const HOUR = 60;

describe('a pager that follows the sun', () => {
  const world = createWorld(scenario('scaleup'), { seed: 1 });

  it('reads each site’s own clock', () => {
    expect(teamSites(world, 'ops').sort()).toEqual(['Singapore', 'Toronto']);
    expect(hourOf(localTime(world, 'lin', 3 * HOUR))).toBe(16);
    expect(hourOf(localTime(world, 'ines', 3 * HOUR))).toBe(3);
  });

  it('gives the pager to whoever is in daytime', () => {
    const torontoNight = onCall(world, 'ops', 3 * HOUR);
    expect(torontoNight.primary?.site).toBe('Singapore');
    expect(torontoNight.secondary?.site).toBe('Singapore');
    const torontoDay = onCall(world, 'ops', 14 * HOUR);
    expect(torontoDay.primary?.site).toBe('Toronto');
  });

  it('keeps a single-site team on its weekly rotation around the clock', () => {
    const day = onCall(world, 'orders', 14 * HOUR).primary?.id;
    const night = onCall(world, 'orders', 3 * HOUR).primary?.id;
    expect(day).toBe(night);
  });

  it('warns when a site is too small for its half of the day', () => {
    const messages = rotationWarnings(world).map((w) => w.message);
    expect(messages.some((m) => m.includes('follows the sun') && m.includes('at least 6'))).toBe(true);
    expect(messages.some((m) => m.includes('Ops runs a 24/7 pager'))).toBe(false);
  });

  it('rejects a person at a site the scenario does not list, naming the field', () => {
    const raw = rawScenario('scaleup') as unknown as { teams: { members: { site?: string }[] }[] };
    const member = raw.teams[2]?.members[3];
    if (member) member.site = 'Atlantis';
    const result = validateScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual({
        path: 'teams["ops"].members["lin"].site',
        message: 'no site "Atlantis" in sites',
      });
  });
});
