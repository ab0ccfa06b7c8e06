import { MINUTES_PER_DAY, MINUTES_PER_HOUR, type Scenario, type TimedInput } from '../sim';

/** A minute of the round: day 1 is the first Monday. */
const atDay = (day: number, hour: number) => (day - 1) * MINUTES_PER_DAY + hour * MINUTES_PER_HOUR;

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
    { at: atDay(2, 10), command: { type: 'injectIncident', service: 'api', kind: 'retry-storm' } },
    { at: atDay(5, 14), command: { type: 'injectIncident', service: 'app', kind: 'config' } },
    { at: atDay(9, 11), command: { type: 'injectIncident', service: 'db', kind: 'data' } },
  ] satisfies TimedInput[],
};

export { DEFAULT_SEED } from './roundDefaults';

export function demoScenario(): Scenario | null {
  return builtInScenario(DEMO.scenarioId);
}
