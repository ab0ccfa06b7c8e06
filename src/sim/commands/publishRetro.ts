import { z } from 'zod';
import { own } from '../commandChecks';
import { publishRetro as publish } from '../rules/retro';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const publishRetro = defineCommand({
  type: 'publishRetro',
  schema: payload('publishRetro', { retro: ref, share: z.boolean() }),
  label: 'Publish to the team',
  check(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (retro.phase !== 'actions') return no('publish after choosing action items');
    return OK;
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) publish(state, retro, cmd.share);
  },
});
