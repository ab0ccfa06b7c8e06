import type { Command } from './commands';
import type { SimState } from './model/types';
import type { Scenario } from './scenario/schema';
import { createSimulation, type Policy, type SimulationOptions } from './simulation';
import { type TimedInput, Timeline } from './timeline';

export { POLICY_EVERY_MINUTES } from './timeline';

export interface RoundOptions extends SimulationOptions {
  policy: Policy;
  /** Commands applied before the first minute (staffing, rotation). */
  setup?: Command[];
  /** Fires from outside (facilitator, guided, scripted), at their minutes; the replay faces them too. */
  inputs?: TimedInput[];
  /** Stop early at this minute. */
  until?: number;
}

export interface PlayedRound {
  state: SimState;
  /** Every world input this round faced, including fires the bot set itself: the replay's inputs. */
  inputs: TimedInput[];
}

/** Plays a whole round headless with a bot. Pure: same inputs, same world. */
export function playRound(scenario: Scenario, options: RoundOptions): PlayedRound {
  const sim = createSimulation(scenario, options);
  for (const cmd of options.setup ?? []) sim.dispatch(cmd);
  const timeline = new Timeline(sim, options.policy, options.inputs ?? []);
  const state = timeline.advanceTo(options.until ?? Number.POSITIVE_INFINITY);
  return { state, inputs: [...timeline.applied].sort((a, b) => a.at - b.at) };
}

export function runRound(scenario: Scenario, options: RoundOptions): SimState {
  return playRound(scenario, options).state;
}
