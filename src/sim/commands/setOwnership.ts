import { activeMembers, logEvent } from '../model/world';
import { defineCommand, OK } from './command';
import { oneOf, payload } from './shape';

export const setOwnership = defineCommand({
  type: 'setOwnership',
  schema: payload('setOwnership', { model: oneOf(['ops-team', 'you-build-it', 'hybrid'], 'ownership model') }),
  label: 'Choose who carries the pager',
  check: () => OK,
  perform(state, cmd) {
    if (state.ownership === cmd.model) return;
    state.ownership = cmd.model;
    if (state.now > 0) {
      // Changing who runs what mid-round costs every team a day of handover.
      for (const t of state.teamOrder) {
        const team = state.teams[t];
        if (team) team.owedHours += 8 * activeMembers(state, t).length;
      }
    }
    logEvent(state, { type: 'ownership-changed', model: cmd.model });
  },
});
