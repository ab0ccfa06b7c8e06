import { describe, expect, it } from 'vitest';
import platform from '../../src/content/scenarios/platform.json';
import scaleup from '../../src/content/scenarios/scaleup.json';
import startup from '../../src/content/scenarios/startup.json';
import {
  AWAKE_INITIAL_COLOR,
  contrast,
  over,
  PEOPLE_BAND_COLOR,
  rgb,
  SLEEPER_ALPHA,
  SLEEPER_Z_COLOR,
} from '../../src/game/contrast';

const teamColors = [platform, startup, scaleup].flatMap((s) => s.teams.map((t) => t.color));

describe('letters on the people of the map', () => {
  it('compute contrast the WCAG way', () => {
    expect(contrast(rgb('#000000'), rgb('#ffffff'))).toBeCloseTo(21, 0);
    expect(contrast(rgb('#777777'), rgb('#777777'))).toBeCloseTo(1, 5);
  });

  it('the sleeping "z" reads at 4.5:1 or more on every team colour', () => {
    expect(teamColors.length).toBeGreaterThan(3);
    for (const color of teamColors) {
      const disc = over(color, SLEEPER_ALPHA, PEOPLE_BAND_COLOR);
      expect(contrast(rgb(SLEEPER_Z_COLOR), disc), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the initial of someone awake reads at 4.5:1 or more on every team colour', () => {
    for (const color of teamColors) {
      expect(contrast(rgb(AWAKE_INITIAL_COLOR), rgb(color)), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('team marks inside the services', () => {
  it('tell every team apart by more than colour in each built-in scenario', async () => {
    const { createWorld } = await import('../../src/sim');
    const { validateScenario } = await import('../../src/sim');
    const { teamMarks } = await import('../../src/game/layout');
    for (const raw of [platform, startup, scaleup]) {
      const res = validateScenario(raw);
      if (!res.ok) throw new Error('built-in scenario invalid');
      const world = createWorld(res.scenario, { seed: 1 });
      const marks = Object.values(teamMarks(world as never)).map((m) => m.toUpperCase());
      expect(new Set(marks).size, raw.id).toBe(world.teamOrder.length);
      for (const m of marks) expect(m.length).toBeLessThanOrEqual(3);
    }
  });
});
