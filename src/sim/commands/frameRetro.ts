import { own } from '../commandChecks';
import { retroCan, sendRetro } from '../rules/retroLife';
import { defineCommand, no } from './command';
import { oneOf, payload, ref } from './shape';

export const frameRetro = defineCommand({
  type: 'frameRetro',
  schema: payload('frameRetro', {
    retro: ref,
    framing: oneOf(['blameless', 'blame'], 'framing'),
    blamed: ref.optional(),
  }),
  label: 'Frame the retro',
  check(state, cmd) {
    if (!own(state.retros, cmd.retro)) return no(`no retro "${cmd.retro}"`);
    if (cmd.framing === 'blame' && !own(state.engineers, cmd.blamed)) return no('blame needs a person');
    return retroCan(state, cmd.retro, { type: 'FRAME', framing: cmd.framing, blamed: cmd.blamed ?? null });
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) sendRetro(state, retro, { type: 'FRAME', framing: cmd.framing, blamed: cmd.blamed ?? null });
  },
});
