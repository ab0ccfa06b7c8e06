import { activeEngineer, own } from '../commandChecks';
import { retroCan, sendRetro } from '../rules/retroLife';
import { defineCommand, no } from './command';
import { oneOf, payload, ref } from './shape';

export const interview = defineCommand({
  type: 'interview',
  schema: payload('interview', {
    retro: ref,
    depth: oneOf(['quick', 'deep'], 'interview depth'),
    facilitator: ref,
  }),
  label: 'Interview the people involved',
  check(state, cmd) {
    if (!own(state.retros, cmd.retro)) return no(`no retro "${cmd.retro}"`);
    if (!activeEngineer(state, cmd.facilitator)) return no('the facilitator must be an active engineer');
    return retroCan(state, cmd.retro, { type: 'INTERVIEW', depth: cmd.depth, facilitator: cmd.facilitator });
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) sendRetro(state, retro, { type: 'INTERVIEW', depth: cmd.depth, facilitator: cmd.facilitator });
  },
});
