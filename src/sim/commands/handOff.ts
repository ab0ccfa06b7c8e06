import { z } from 'zod';
import { activeEngineer, own } from '../commandChecks';
import { handOff as handOver } from '../rules/response';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const handOff = defineCommand({
  type: 'handOff',
  schema: payload('handOff', { incident: ref, to: ref, acknowledged: z.boolean() }),
  label: 'Hand off',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (!activeEngineer(state, cmd.to)) return no('that person is not available');
    if (inc.responders.length === 0) return no('nobody is responding yet');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) handOver(state, inc, cmd.to, cmd.acknowledged === true);
  },
});
