import { own } from '../commandChecks';
import { escalateToExpert as callTheExpert, expertFor } from '../rules/response';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const escalateToExpert = defineCommand({
  type: 'escalateToExpert',
  schema: payload('escalateToExpert', { incident: ref }),
  label: 'Call the expert',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (inc.expertCalled) return no('the expert is already on it');
    if (!expertFor(state, inc.service)) return no('nobody knows this service');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) callTheExpert(state, inc);
  },
});
