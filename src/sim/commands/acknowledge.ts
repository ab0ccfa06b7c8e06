import { own } from '../commandChecks';
import { acknowledge as acknowledgePage } from '../rules/incident';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const acknowledge = defineCommand({
  type: 'acknowledge',
  schema: payload('acknowledge', { incident: ref }),
  label: 'Acknowledge the page',
  key: 'A',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (inc.phase !== 'paged' || !inc.pagedTo) return no('there is no page waiting to be acknowledged');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc?.pagedTo) acknowledgePage(state, inc, inc.pagedTo);
  },
});
