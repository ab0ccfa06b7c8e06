import { MINUTES_PER_WEEK } from '../clock';
import { own } from '../commandChecks';
import { runDrill as drill } from '../rules/knowledge';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const runDrill = defineCommand({
  type: 'runDrill',
  schema: payload('runDrill', { team: ref, service: ref }),
  label: 'Run drill',
  check(state, cmd) {
    if (!own(state.teams, cmd.team)) return no(`no team "${cmd.team}"`);
    if (!own(state.services, cmd.service)) return no(`no service "${cmd.service}"`);
    const last = state.teams[cmd.team]?.lastDrillAt ?? null;
    if (last !== null && state.now - last < MINUTES_PER_WEEK) return no('one drill a week per team is plenty');
    return OK;
  },
  perform(state, cmd) {
    drill(state, cmd.team, cmd.service);
  },
});
