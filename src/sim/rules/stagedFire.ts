import type { Snapshot } from '../model/snapshot';
import type { ConditionKind, SimState } from '../model/types';
import { createStream } from '../rng';
import { startIncident } from './incident';

/**
 * A fire the table sets itself, from its own screen: a rehearsal on a weakness made up for it. It burns
 * only here — the never-learning organization never faces it, so it cannot move par — and it teaches
 * nobody: no knowledge for responders or shadows, no trust from its retro, nothing real to remove.
 */
export function stageFire(state: SimState, service: string, kind: ConditionKind): void {
  // Named by minute, service and class.
  let id = `inj:${state.now}:${service}:${kind}`;
  for (let n = 2; Object.hasOwn(state.conditions, id); n++) id = `inj:${state.now}:${service}:${kind}:${n}`;
  state.conditions[id] = {
    id,
    service,
    kind,
    strength: 1,
    revealed: false,
    createdAt: state.now,
    origin: 'injected',
    fired: 0,
  };
  state.streams[`chaos:${id}`] = createStream(state.seed, `chaos:${id}`);
  startIncident(state, id, true);
}

/** Whether an incident was staged by the table: no real weakness behind it. */
export function isStaged(state: Pick<Snapshot, 'conditions'>, conditionId: string): boolean {
  return state.conditions[conditionId]?.origin === 'injected';
}
