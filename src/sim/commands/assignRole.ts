import { activeEngineer, own } from '../commandChecks';
import { ROLES } from '../model/types';
import { assignRole as assign } from '../rules/response';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { oneOf, payload, ref } from './shape';

export const assignRole = defineCommand({
  type: 'assignRole',
  schema: payload('assignRole', { incident: ref, role: oneOf(ROLES, 'role'), engineer: ref }),
  label: 'Assign a role',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (!activeEngineer(state, cmd.engineer)) return no('that person is not available');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) assign(state, inc, cmd.role, cmd.engineer);
  },
});
