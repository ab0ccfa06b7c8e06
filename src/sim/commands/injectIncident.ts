import { z } from 'zod';
import { own } from '../commandChecks';
import { CONDITION_KINDS } from '../model/types';
import { setOffWeakness, weaknessFor } from '../rules/outsideFire';
import { stageFire } from '../rules/stagedFire';
import { tuning } from '../tuning';
import { defineCommand, no, OK } from './command';
import { oneOf, payload, ref } from './shape';

/**
 * A fire set on purpose. From outside the organization (the facilitator, a scenario's script, the
 * tutorial, the demo) it sets off one of the service's real weaknesses, and both timelines face it.
 * Staged by the table itself (the round marks it so; a player cannot unmark it) it burns on a weakness
 * made up for it, only here, and teaches nobody.
 */
export const injectIncident = defineCommand({
  type: 'injectIncident',
  schema: payload('injectIncident', {
    service: ref,
    kind: oneOf(CONDITION_KINDS, 'condition class'),
    condition: ref.optional(),
    staged: z.boolean().optional(),
  }),
  label: 'Set it on fire',
  check(state, cmd) {
    if (!own(state.services, cmd.service)) return no(`no service "${cmd.service}"`);
    if (own(tuning.weeklyHazard, cmd.kind) === undefined) return no(`no condition class "${String(cmd.kind)}"`);
    if (cmd.staged === true) return cmd.condition === undefined ? OK : no('a staged fire has no real weakness');
    const found = weaknessFor(state, cmd);
    return typeof found === 'string' ? no(found) : OK;
  },
  perform(state, cmd) {
    if (cmd.staged === true) stageFire(state, cmd.service, cmd.kind);
    else setOffWeakness(state, cmd);
  },
});
