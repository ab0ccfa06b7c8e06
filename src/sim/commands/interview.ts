import { activeEngineer, own } from '../commandChecks';
import { interview as hold } from '../rules/retro';
import { defineCommand, no, OK } from './command';
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
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (retro.phase !== 'interviews') return no('interviews happen after the timeline');
    if (retro.depth !== null) return no('the interviews are done');
    if (!activeEngineer(state, cmd.facilitator)) return no('the facilitator must be an active engineer');
    return OK;
  },
  perform(state, cmd) {
    const retro = own(state.retros, cmd.retro);
    if (retro) hold(state, retro, cmd.depth === 'deep' ? 'deep' : 'quick', cmd.facilitator);
  },
});
