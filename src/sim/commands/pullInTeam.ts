import { own } from '../commandChecks';
import { activeMembers } from '../model/world';
import { pullInTeam as pullIn } from '../rules/response';
import { onCall } from '../rules/rotation';
import { defineCommand, no, OK } from './command';
import { liveIncident } from './incidentTarget';
import { payload, ref } from './shape';

export const pullInTeam = defineCommand({
  type: 'pullInTeam',
  schema: payload('pullInTeam', { incident: ref, team: ref }),
  label: 'Pull in',
  check(state, cmd) {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (!own(state.teams, cmd.team)) return no(`no team "${cmd.team}"`);
    // The team's on-call primary comes, or else its first active member.
    const person = onCall(state, cmd.team, state.now).primary ?? activeMembers(state, cmd.team)[0];
    if (!person) return no('that team has nobody to send');
    return OK;
  },
  perform(state, cmd) {
    const inc = own(state.incidents, cmd.incident);
    if (inc) pullIn(state, inc, cmd.team);
  },
});
