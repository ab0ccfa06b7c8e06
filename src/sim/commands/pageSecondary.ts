import { own } from '../commandChecks';
import { pageSecondary as pageTheSecondary } from '../rules/response';
import { onCall } from '../rules/rotation';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const pageSecondary = defineCommand({
  type: 'pageSecondary',
  schema: payload('pageSecondary', { incident: ref }),
  label: 'Page secondary',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    const second = onCall(state, inc.pagerTeam, state.now).secondary;
    if (!second || inc.responders.includes(second.id)) return no('the secondary is already here');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) pageTheSecondary(state, inc);
  },
});
