import type { Scenario, TimedInput } from '../sim';
import { builtInScenario } from './roundTerms';

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

export { DEFAULT_SEED } from './roundDefaults';

export function demoScenario(): Scenario | null {
  return builtInScenario(DEMO.scenarioId);
}
