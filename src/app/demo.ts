import { builtInScenarios, type Scenario, type TimedInput, validateScenario } from '../sim';

/**
 * The attract demo: a learning-first team plays a short round by itself. Its scripted fires are
 * outside inputs, so the never-learning timeline faces them too and the comparison stays like
 * for like. Chosen so the lesson shows within a few real minutes: last week's outage comes back
 * in the other timeline, and here the item from its retro has already closed.
 */
export const DEMO = {
  scenarioId: 'startup',
  seed: 2,
  weeks: 2,
  fires: [
    { at: 1 * 1440 + 10 * 60, command: { type: 'injectIncident', service: 'api', kind: 'retry-storm' } },
    { at: 4 * 1440 + 14 * 60, command: { type: 'injectIncident', service: 'app', kind: 'config' } },
    { at: 8 * 1440 + 11 * 60, command: { type: 'injectIncident', service: 'db', kind: 'data' } },
  ] satisfies TimedInput[],
};

/**
 * The menu's default seed: on the default setup (Pantry Platform, 4 weeks, guided) a learning team
 * ends with fewer incidents than the never-learning one and at least one that did not happen
 * because of an item it closed (a test keeps it so).
 */
export const DEFAULT_SEED = 43;

export function demoScenario(): Scenario | null {
  const res = validateScenario(builtInScenarios[DEMO.scenarioId]);
  return res.ok ? res.scenario : null;
}
