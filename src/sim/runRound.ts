import { freeze } from 'immer';
import type { Command } from './commands';
import { type InputLog, LOG_VERSION, type LogEntry, recording } from './inputLog';
import type { SimState } from './model/types';
import { scheduledFires } from './scenario/scheduledFires';
import type { Scenario } from './scenario/schema';
import { createSimulation, type Policy, type SimulationOptions, stateHash } from './simulation';
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
  /** Every accepted input, in order, at its minute: with the scenario and seed, the whole round. */
  entries: LogEntry[];
}

/** Plays a whole round headless with a bot. Pure: same inputs, same world. */
export function playRound(scenario: Scenario, options: RoundOptions): PlayedRound {
  const sim = createSimulation(scenario, options);
  const entries: LogEntry[] = [];
  const setup = recording(sim, entries, 'setup');
  for (const cmd of options.setup ?? []) setup.dispatch(cmd);
  const inputs = [...scheduledFires(scenario), ...(options.inputs ?? [])];
  const timeline = new Timeline(sim, options.policy, inputs, entries, 'bot', true);
  const played = timeline.advanceTo(options.until ?? Number.POSITIVE_INFINITY);
  // A world stepped in place is handed out frozen, like any other.
  const state = options.fast ? freeze(played, true) : played;
  return { state, inputs: [...timeline.applied].sort((a, b) => a.at - b.at), entries };
}

/** A played round as a self-contained input log. */
export function logOf(scenario: Scenario, options: SimulationOptions, played: PlayedRound, player?: string): InputLog {
  return {
    logVersion: LOG_VERSION,
    scenario,
    seed: options.seed,
    weeks: played.state.weeks,
    ...(options.ownership ? { ownership: options.ownership } : {}),
    ...(player ? { player } : {}),
    entries: played.entries,
    until: played.state.now,
    stateHash: stateHash(played.state),
  };
}

export function runRound(scenario: Scenario, options: RoundOptions): SimState {
  return playRound(scenario, options).state;
}
