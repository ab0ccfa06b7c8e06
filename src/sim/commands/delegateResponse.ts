import { z } from 'zod';
import { logEvent } from '../model/world';
import { defineCommand, no, OK } from './command';
import { payload } from './shape';

/**
 * For facilitators who want only the organizational game: the team runs its own investigations and
 * applies the fix its clues point to. Off by default; it is a command, so it is on the round's log.
 */
export const delegateResponse = defineCommand({
  type: 'delegateResponse',
  schema: payload('delegateResponse', { on: z.boolean() }),
  label: 'Let the team run incidents',
  check(state, cmd) {
    return (state.delegated === true) === cmd.on
      ? no(cmd.on ? 'the team already runs incidents' : 'you already run incidents')
      : OK;
  },
  perform(state, cmd) {
    state.delegated = cmd.on;
    logEvent(state, { type: 'delegation-changed', on: cmd.on });
  },
});
