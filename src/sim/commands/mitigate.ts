import { own } from '../commandChecks';
import { MITIGATIONS, type Mitigation } from '../model/types';
import { incidentCan, sendIncident, whoFixes } from '../rules/incidentLife';
import { defineCommand, no } from './command';
import { liveIncident } from './incidentTarget';
import { oneOf, payload, ref } from './shape';

export const mitigate = defineCommand({
  type: 'mitigate',
  schema: payload('mitigate', { incident: ref, action: oneOf(MITIGATIONS, 'mitigation') }),
  label: 'Mitigate',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    return incidentCan(state, cmd.incident, { type: 'ATTEMPT', action: cmd.action, by: whoFixes(inc) });
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) sendIncident(state, inc, { type: 'ATTEMPT', action: cmd.action, by: whoFixes(inc) });
  },
});
