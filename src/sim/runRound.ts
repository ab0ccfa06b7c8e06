import type { Command } from './commands';
import type { SimState } from './model/types';
import type { Scenario } from './scenario/schema';
import { createSimulation, type Policy, type SimulationOptions } from './simulation';
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
  const until = options.until ?? Number.POSITIVE_INFINITY;
  while (!roundOver(sim.snapshot()) && sim.snapshot().now < until) {
    for (const cmd of options.policy(sim.snapshot())) sim.dispatch(cmd);
    const step = Math.min(POLICY_EVERY_MINUTES, until - sim.snapshot().now);
    sim.advance(step);
  }
  return sim.snapshot() as SimState;
}
