import { freeze, produce, setAutoFreeze } from 'immer';
import { type Command, type CommandResult, checkCommand, performChecked } from './commands';
import type { SimEvent } from './events';
import { stableHash } from './hash';
import { createWorld } from './model/createWorld';
import type { Snapshot } from './model/snapshot';
import type { OwnershipModel, SimState } from './model/types';
import { eventCount, eventsSince } from './model/world';
import type { PlayerView } from './playerView';
import type { Scenario } from './scenario/schema';
import { quietMinutesAhead, roundOver, stepMinute } from './step';

/**
 * Worlds are frozen once made (in the game, the dev server, the tests and the headless runner alike),
 * so a view or a bot that tries to change one fails at once instead of corrupting shared state. The
 * cost, measured with bench/simSpeed.ts on a 13-week round played by a bot: about 5% (bare rules:
 * none measurable, since Immer skips frozen parts when it finishes a change). Kept on: a bot brought
 * from outside must not be able to write its own score.
 */
setAutoFreeze(true);

/** The longest stretch of minutes stepped in one draft. */
const STRETCH_MINUTES = 60;

/** The one place world updates go through Immer. */
export function evolve(state: SimState, recipe: (draft: SimState) => void): SimState {
  return produce(state, recipe);
}

export interface SimulationOptions {
  seed: number;
  weeks?: number;
  ownership?: OwnershipModel;
  /** False for the never-learning replay, which plays on past its own collapse. */
  canLose?: boolean;
  /**
   * Steps a private world in place instead of through Immer: several times faster, for rounds played
   * headless from start to end. Its snapshot is the world as it stands, good until the next change, so
   * only a caller that reads it there and then may ask for it (a bot reads the player's view it is
   * given). The same rules run either way: the same world to the last bit.
   */
  fast?: boolean;
}

/** A read-only view of the world for views and bots: read-only all the way down. */
export type { Snapshot };

/**
 * A bot: looks at the world as a player sees it — clues, not true classes; the weaknesses the organization
 * knows of, not the hidden ones — and says what to do.
 */
export type Policy = (view: PlayerView) => Command[];

export interface Simulation {
  dispatch(command: Command): CommandResult;
  advance(minutes: number): SimEvent[];
  snapshot(): Snapshot;
  /** Replace the world, e.g. from a save. */
  load(state: SimState): void;
}

export function stateHash(state: Snapshot): string {
  return stableHash(state);
}

export function createSimulationFromState(initial: SimState, canLose = true): Simulation {
  let state = freeze(initial, true);
  return {
    dispatch(command) {
      // A refused command needs no draft: the check reads the world as it is.
      const verdict = checkCommand(state, command);
      if (!verdict.ok) return verdict;
      // The check just passed on this very world, so the draft only needs the effect.
      state = evolve(state, (draft) => performChecked(draft, command));
      return verdict;
    },
    advance(minutes) {
      const n = Math.max(0, Math.floor(Number.isFinite(minutes) ? minutes : 0));
      const from = eventCount(state);
      if (n === 0 || roundOver(state)) return [];
      // In stretches of at most an hour: a long stretch in one draft would make every rule that reads
      // the world as it stands (readView) copy all it changed so far.
      for (let done = 0; done < n && !roundOver(state); ) {
        const stretch = Math.min(n - done, STRETCH_MINUTES);
        state = evolve(state, (draft) => {
          for (let i = 0; i < stretch && !roundOver(draft); ) {
            stepMinute(draft, canLose);
            const quiet = quietMinutesAhead(draft, stretch - i - 1);
            draft.now += quiet;
            i += 1 + quiet;
          }
        });
        done += stretch;
      }
      return eventsSince(state, from);
    },
    snapshot() {
      return state;
    },
    load(next) {
      state = freeze(next, true);
    },
  };
}

/**
 * A simulation that steps its own copy of the world in place (see `SimulationOptions.fast`). Nothing
 * outside ever holds a part of that world across a change but the caller that asked for it.
 */
export function createFastSimulation(initial: SimState, canLose = true): Simulation {
  let state: SimState = structuredClone(initial);
  return {
    dispatch(command) {
      const verdict = checkCommand(state, command);
      if (verdict.ok) performChecked(state, command);
      return verdict;
    },
    advance(minutes) {
      const n = Math.max(0, Math.floor(Number.isFinite(minutes) ? minutes : 0));
      const from = eventCount(state);
      if (n === 0 || roundOver(state)) return [];
      const until = state.now + n;
      while (state.now < until && !roundOver(state)) {
        stepMinute(state, canLose);
        state.now += quietMinutesAhead(state, until - state.now);
      }
      return eventsSince(state, from);
    },
    snapshot() {
      return state;
    },
    load(next) {
      state = structuredClone(next);
    },
  };
}

export function createSimulation(scenario: Scenario, options: SimulationOptions): Simulation {
  const world = createWorld(scenario, options);
  return options.fast
    ? createFastSimulation(world, options.canLose ?? true)
    : createSimulationFromState(world, options.canLose ?? true);
}
