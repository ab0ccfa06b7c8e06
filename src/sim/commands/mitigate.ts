import { own } from '../commandChecks';
import { canSignal } from '../machines/incidentMachine';
import { type Incident, MITIGATIONS, type Mitigation } from '../model/types';
import { startMitigation } from '../rules/incident';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { oneOf, payload, ref } from './shape';

/** The key for each mitigation: a new mitigation without one does not compile. */
export const MITIGATION_KEYS = {
  rollback: 'R',
  failover: 'F',
  'scale-up': 'U',
  'flag-off': 'G',
  restart: 'T',
} as const satisfies Record<Mitigation, string>;

/** Who carries out a mitigation: ops if named, else the person paged, else the first responder. */
function doer(inc: Incident): string | undefined {
  return inc.roles.ops ?? inc.pagedTo ?? inc.responders[0];
}

export const mitigate = defineCommand({
  type: 'mitigate',
  schema: payload('mitigate', { incident: ref, action: oneOf(MITIGATIONS, 'mitigation') }),
  label: 'Mitigate',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (!canSignal(inc.phase, { type: 'MITIGATE' })) return no('acknowledge the page first');
    if (inc.attempts.some((a) => a.outcome === 'pending')) return no('a mitigation is already under way');
    if (!doer(inc)) return no('nobody is responding');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    const who = inc ? doer(inc) : undefined;
    if (inc && who) startMitigation(state, inc, cmd.action, who);
  },
});
