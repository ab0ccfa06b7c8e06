import { z } from 'zod';
import { own } from '../commandChecks';
import { retroCan, sendRetro } from '../rules/retroLife';
import { defineCommand, no } from './command';
import { payload, ref } from './shape';

export const publishRetro = defineCommand({
  type: 'publishRetro',
  schema: payload('publishRetro', { retro: ref, share: z.boolean() }),
  label: 'Publish to the team',
  check(state, cmd) {
    if (!own(state.retros, cmd.retro)) return no(`no retro "${cmd.retro}"`);
    return retroCan(state, cmd.retro, { type: 'PUBLISH', share: cmd.share });
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) sendRetro(state, retro, { type: 'PUBLISH', share: cmd.share });
  },
});
