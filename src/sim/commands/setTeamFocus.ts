import { z } from 'zod';
import { own } from '../commandChecks';
import { clamp01 } from '../model/world';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const setTeamFocus = defineCommand({
  type: 'setTeamFocus',
  schema: payload('setTeamFocus', { team: ref, reliabilityShare: z.number() }),
  label: 'Give a team time for action items',
  check: (state, cmd) => (own(state.teams, cmd.team) ? OK : no(`no team "${cmd.team}"`)),
  perform(state, cmd) {
    const team = own(state.teams, cmd.team);
    if (team) team.reliabilityShare = Math.min(0.6, clamp01(cmd.reliabilityShare));
  },
});
