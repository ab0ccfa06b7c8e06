import { own } from '../commandChecks';
import { incidentCan, sendIncident } from '../rules/incidentLife';
import { defineCommand, no } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const acknowledge = defineCommand({
  type: 'acknowledge',
  schema: payload('acknowledge', { incident: ref }),
  label: 'Acknowledge the page',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    return incidentCan(state, cmd.incident, { type: 'ACK', byPlayer: true });
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) sendIncident(state, inc, { type: 'ACK', byPlayer: true });
  },
});
