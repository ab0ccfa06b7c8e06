import { own } from '../commandChecks';
import { RETRO_STEPS, type RetroPhase } from '../machines/retroMachine';
import { retroCan, sendRetro } from '../rules/retroLife';
import { defineCommand, no } from './command';
import { oneOf, payload, ref } from './shape';

/** Leaves the step it names: a second click on a step already left is refused, so no step is skipped. */
export const advanceRetro = defineCommand({
  type: 'advanceRetro',
  schema: payload('advanceRetro', {
    retro: ref,
    from: oneOf(RETRO_STEPS as [RetroPhase, ...RetroPhase[]], 'retro step'),
  }),
  label: 'On to the next step',
  check(state, cmd) {
    if (!own(state.retros, cmd.retro)) return no(`no retro "${cmd.retro}"`);
    return retroCan(state, cmd.retro, { type: 'NEXT', from: cmd.from });
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) sendRetro(state, retro, { type: 'NEXT', from: cmd.from });
  },
});
