import { own } from '../commandChecks';
import { frameRetro as frame } from '../rules/retro';
import { defineCommand, no, OK } from './command';
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
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (retro.phase !== 'framing') return no('framing comes after the interviews');
    if (retro.framing !== null) return no('the framing is set');
    if (cmd.framing === 'blame' && !own(state.engineers, cmd.blamed)) return no('blame needs a person');
    return OK;
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) frame(state, retro, cmd.framing === 'blame' ? 'blame' : 'blameless', cmd.blamed ?? null);
  },
});
