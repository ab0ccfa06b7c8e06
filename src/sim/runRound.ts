import type { Command } from './commands';
import type { SimState } from './model/types';
import type { Scenario } from './scenario/schema';
import { createSimulation, type Policy, type Simulation, type SimulationOptions } from './simulation';
import { roundOver } from './step';

/** How often a bot looks at the world, in simulated minutes. */
export const POLICY_EVERY_MINUTES = 5;

export interface RoundOptions extends SimulationOptions {
  policy: Policy;
  /** Commands applied before the first minute (staffing, rotation). */
  setup?: Command[];
  /** Stop early at this minute, e.g. to replay a counterfactual up to "now". */
  until?: number;
}

/** Plays a whole round headless with a bot. Pure: same inputs, same world. */
export function runRound(scenario: Scenario, options: RoundOptions): SimState {
  const sim = createSimulation(scenario, options);
  for (const cmd of options.setup ?? []) sim.dispatch(cmd);
  return playWithPolicy(sim, options.policy, options.until ?? Number.POSITIVE_INFINITY);
}

/** Lets a bot play an existing simulation up to a minute (or the end of the round), looking every few minutes. */
export function playWithPolicy(sim: Simulation, policy: Policy, until: number): SimState {
  while (!roundOver(sim.snapshot()) && sim.snapshot().now < until) {
    for (const cmd of policy(sim.snapshot())) sim.dispatch(cmd);
    sim.advance(Math.min(POLICY_EVERY_MINUTES, until - sim.snapshot().now));
  }
  return sim.snapshot() as SimState;
}
