import { describe, expect, it } from 'vitest';
import { defaultScenarioId } from '../../src/content/scenarios';
import { builtInScenario, builtInScenarioList } from '../../src/round/roundTerms';
import { firstMenuCards } from '../../src/ui/menu/firstMenu';

describe('the menu drawn before the game has loaded', () => {
  it('shows every built-in scenario as the game will, in the same order, so a pick there is the same pick', () => {
    const checked = builtInScenarioList().map((s) => ({ name: s.name, description: s.description, weeks: s.weeks }));
    expect(firstMenuCards()).toEqual(checked);
    expect(checked.length).toBeGreaterThan(1);
  });

  it('keeps the built-in scenarios checked once and read-only', () => {
    const a = builtInScenario(defaultScenarioId);
    expect(a).not.toBeNull();
    expect(builtInScenario(defaultScenarioId)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.teams[0])).toBe(true);
    expect(builtInScenario('constructor')).toBeNull();
  });
});
