import { setup } from 'xstate';

export type ScreenFlowEvent =
  | { type: 'NEW_GAME' }
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'OPEN_RETRO' }
  | { type: 'CLOSE_RETRO' }
  | { type: 'ROUND_OVER' }
  | { type: 'MENU' };

/** Menu → setup → playing ⇄ paused → retro → report. */
export const screenFlowMachine = setup({
  types: { events: {} as ScreenFlowEvent },
}).createMachine({
  id: 'screens',
  initial: 'menu',
  states: {
    menu: { on: { NEW_GAME: 'setup' } },
    setup: { on: { START: 'playing', MENU: 'menu' } },
    playing: {
      on: { PAUSE: 'paused', OPEN_RETRO: 'retro', ROUND_OVER: 'report', MENU: 'menu' },
    },
    paused: { on: { RESUME: 'playing', OPEN_RETRO: 'retro', ROUND_OVER: 'report', MENU: 'menu' } },
    retro: { on: { CLOSE_RETRO: 'paused', ROUND_OVER: 'report' } },
    report: { on: { MENU: 'menu', NEW_GAME: 'setup' } },
  },
});

export type ScreenPhase = 'menu' | 'setup' | 'playing' | 'paused' | 'retro' | 'report';
