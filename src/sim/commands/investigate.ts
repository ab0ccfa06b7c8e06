import { own } from '../commandChecks';
import { INVESTIGATION_STEPS } from '../model/types';
import { startInquiry, stepRefusal } from '../rules/investigation';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { oneOf, payload, ref } from './shape';

/**
 * A responder looks at one thing (dashboards, logs, recent deploys, a dependency's health, the runbook,
 * or the expert's memory): it takes their minutes, and a clue comes when they are up. Asking the expert
 * needs the expert among the responders (call them in first), and tires them.
 */
export const investigate = defineCommand({
  type: 'investigate',
  schema: payload('investigate', {
    incident: ref,
    step: oneOf(INVESTIGATION_STEPS, 'investigation step'),
    engineer: ref,
  }),
  label: 'Investigate',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    const refusal = stepRefusal(state, inc, cmd.step, cmd.engineer);
    return refusal === null ? OK : no(refusal);
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) startInquiry(state, inc, cmd.step, cmd.engineer);
  },
});
