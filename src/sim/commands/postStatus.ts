import { own } from '../commandChecks';
import { postStatus as post, statusWait } from '../rules/response';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const postStatus = defineCommand({
  type: 'postStatus',
  schema: payload('postStatus', { incident: ref }),
  label: 'Post status update',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    const wait = statusWait(state, inc);
    if (wait > 0)
      return no(`customers heard from you just now; the next update tells them something new in ${wait} min`);
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) post(state, inc);
  },
});
