import type { Command, CommandResult, Snapshot } from '../sim';
import type { GameStore } from './store';

/** What browser tests may reach; present only in development and test builds. */
export interface TestHook {
  snapshot(): Snapshot | null;
  phase(): string;
  dispatch(command: Command): CommandResult;
  advance(minutes: number): void;
  store: GameStore;
}

declare global {
  interface Window {
    __firepants?: TestHook;
  }
}

export function installTestHook(store: GameStore): void {
  if (import.meta.env.MODE === 'production') return;
  window.__firepants = {
    snapshot: () => store.snapshot(),
    phase: () => store.view.phase,
    dispatch: (command) => store.dispatch(command),
    advance: (minutes) => {
      store.advanceMinutes(minutes);
    },
    store,
  };
}
