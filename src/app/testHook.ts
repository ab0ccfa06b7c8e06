import { type Command, MINUTES_PER_WEEK, POLICY_EVERY_MINUTES, playerEyes, policies, type Snapshot } from '../sim';
import type { Dispatched } from './roundDriver';
import type { GameStore } from './store';

/** What browser tests may reach; present only in development and test builds. */
export interface TestHook {
  snapshot(): Snapshot | null;
  phase(): string;
  /** A command as the players give it, or as the facilitator's window does (`by: 'facilitator'`). */
  dispatch(command: Command, by?: 'player' | 'facilitator'): Dispatched;
  advance(minutes: number): void;
  /**
   * A scripted player: a built-in bot looks at the world every few minutes and its commands go through the
   * table's own dispatch, as clicks would; then time moves on. Returns how many of its commands were taken.
   */
  playAs(bot: string, minutes: number): number;
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
    dispatch: (command, by) => store.dispatch(command, by ?? 'player'),
    advance: (minutes) => {
      store.advanceMinutes(minutes);
    },
    playAs: (name, minutes) => {
      const bot = Object.hasOwn(policies, name) ? policies[name] : undefined;
      if (!bot) throw new Error(`no bot "${name}"`);
      let taken = 0;
      const eyes = playerEyes();
      for (let m = 0; m < minutes; m += POLICY_EVERY_MINUTES) {
        const s = store.snapshot();
        if (!s || s.now >= s.weeks * MINUTES_PER_WEEK) break;
        for (const command of bot(eyes(s))) if (store.dispatch(command).ok) taken++;
        store.advanceMinutes(POLICY_EVERY_MINUTES);
      }
      return taken;
    },
    store,
  };
}
