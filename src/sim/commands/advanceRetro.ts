import { own } from '../commandChecks';
import { stepRetro } from '../rules/retro';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const advanceRetro = defineCommand({
  type: 'advanceRetro',
  schema: payload('advanceRetro', { retro: ref }),
  label: 'On to the next step',
  check(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (retro.phase === 'interviews' && retro.depth === null) return no('choose how deep to interview first');
    if (retro.phase === 'framing' && retro.framing === null) return no('choose a framing first');
    if (retro.phase === 'actions' || retro.phase === 'published') return no('publish the retro to finish it');
    return OK;
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) stepRetro(state, retro);
  },
});
