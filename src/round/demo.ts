import { createWorld, MINUTES_PER_DAY, MINUTES_PER_HOUR, policies, type Scenario, type TimedInput } from '../sim';
import type { RoundSetup } from './roundSession';

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

/** The demo's round as it starts: its scenario, seed and length, its scripted fires, and the bot that plays it. */
export function demoSetup(): RoundSetup | null {
  const scenario = demoScenario();
  const bot = policies['learning-first'];
  if (!scenario || !bot) return null;
  const world = createWorld(scenario, { seed: DEMO.seed, weeks: DEMO.weeks });
  return {
    scenario,
    seed: DEMO.seed,
    weeks: DEMO.weeks,
    ownership: world.ownership,
    rotation: world.rotation.byTeam,
    inputs: DEMO.fires,
    demoBot: bot,
  };
}
