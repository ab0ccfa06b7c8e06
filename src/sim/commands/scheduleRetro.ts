import { own } from '../commandChecks';
import { scheduleRetro as schedule } from '../rules/retro';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const scheduleRetro = defineCommand({
  type: 'scheduleRetro',
  schema: payload('scheduleRetro', { incident: ref }),
  label: 'Hold a retro',
  check(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (!inc) return no(`no incident "${cmd.incident}"`);
    if (inc.phase !== 'resolved') return no('hold the retro once the incident is resolved');
    if (inc.retroId) return no('that incident already has a retro');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) schedule(state, inc);
  },
});
