import { own } from '../commandChecks';
import { CONDITION_KINDS } from '../model/types';
import { createStream } from '../rng';
import { startIncident } from '../rules/incident';
import { tuning } from '../tuning';
import { defineCommand, no, OK } from './command';
import { oneOf, payload, ref } from './shape';

export const injectIncident = defineCommand({
  type: 'injectIncident',
  schema: payload('injectIncident', { service: ref, kind: oneOf(CONDITION_KINDS, 'condition class') }),
  label: 'Set it on fire',
  check(state, cmd) {
    if (!own(state.services, cmd.service)) return no(`no service "${cmd.service}"`);
    if (own(tuning.weeklyHazard, cmd.kind) === undefined) return no(`no condition class "${String(cmd.kind)}"`);
    return OK;
  },
  perform(state, cmd) {
    const svc = own(state.services, cmd.service);
    if (!svc) return;
    // Named by minute, service and class, so the same fire in the never-learning replay has the same luck.
    let id = `inj:${state.now}:${svc.id}:${cmd.kind}`;
    for (let n = 2; Object.hasOwn(state.conditions, id); n++) id = `inj:${state.now}:${svc.id}:${cmd.kind}:${n}`;
    state.conditions[id] = {
      id,
      service: svc.id,
      kind: cmd.kind,
      strength: 1,
      revealed: false,
      createdAt: state.now,
      origin: 'injected',
      fired: 0,
    };
    state.streams[`chaos:${id}`] = createStream(state.seed, `chaos:${id}`);
    startIncident(state, id, true);
  },
});
