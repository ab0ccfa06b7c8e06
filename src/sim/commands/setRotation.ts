import { z } from 'zod';
import { activeEngineer, own } from '../commandChecks';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const setRotation = defineCommand({
  type: 'setRotation',
  schema: payload('setRotation', {
    team: ref,
    weeks: z
      .array(z.object({ primary: ref, secondary: ref }))
      .min(1, 'a rotation needs at least one week')
      .max(52),
  }),
  label: 'Set the on-call rotation',
  check(state, cmd) {
    if (!own(state.teams, cmd.team)) return no(`no team "${cmd.team}"`);
    for (const w of cmd.weeks) {
      if (!activeEngineer(state, w.primary) || !activeEngineer(state, w.secondary))
        return no('everyone in a rotation must be an active engineer');
    }
    return OK;
  },
  perform(state, cmd) {
    state.rotation.byTeam[cmd.team] = cmd.weeks.map((w) => ({ ...w }));
  },
});
