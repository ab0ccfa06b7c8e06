import { own } from '../commandChecks';
import { activeMembers, logEvent } from '../model/world';
import { revealCondition } from '../rules/effects';
import { teach } from '../rules/knowledge';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const reviewNearMiss = defineCommand({
  type: 'reviewNearMiss',
  schema: payload('reviewNearMiss', { nearMiss: ref }),
  label: 'Review it',
  check(state, cmd) {
    const nm = own(state.nearMisses, cmd.nearMiss);
    if (!nm) return no(`no near miss "${cmd.nearMiss}"`);
    if (nm.reviewed) return no('that near miss was already reviewed');
    return OK;
  },
  perform(state, cmd) {
    const nm = own(state.nearMisses, cmd.nearMiss);
    if (!nm) return;
    nm.reviewed = true;
    const c = state.conditions[nm.conditionId];
    if (c) revealCondition(state, c);
    // The service's team spends a few hours on it and learns a little.
    const team = state.services[nm.service]?.team ?? '';
    for (const e of activeMembers(state, team).slice(0, 3)) teach(state, e.id, nm.service, 0.05);
    const t = state.teams[team];
    if (t) t.owedHours += 4;
    state.totals.nearMissesReviewed += 1;
    const key = `condition:${nm.service}:${nm.conditionId}`;
    if (!state.totals.factorsSurfaced.includes(key)) state.totals.factorsSurfaced.push(key);
    logEvent(state, { type: 'near-miss-reviewed', nearMiss: nm.id });
  },
});
