import type { Immutable } from 'immer';
import type { Snapshot } from '../model/snapshot';
import type { Incident, SimState } from '../model/types';
import { clamp01 } from '../model/world';
import { tuning } from '../tuning';
import { isStaged } from './stagedFire';

/**
 * You build it, you run it, as a feedback loop rather than a switch [GOLD, MAJ, ECK]: developers
 * paged for their own services learn what breaks there and ship fewer new weaknesses. The effect
 * follows who carries the pager for which service; an ops team behind the wall gives none back.
 */

export function ownerFeedback(state: Snapshot, service: string): number {
  return state.services[service]?.ownerFeedback ?? 0;
}

/** Whether the team that owns a service was paged for it in this incident and worked it. */
export function ownersHandled(state: Snapshot, inc: Immutable<Incident>, service: string): boolean {
  const owner = state.services[service]?.team;
  if (!owner) return false;
  const paged = inc.pagerTeam === owner || inc.teamsPulled.includes(owner);
  return paged && inc.responders.some((r) => state.engineers[r]?.team === owner);
}

/** A handled page feeds back into each burning service whose own team carried it. */
export function feedBackToOwners(state: SimState, inc: Incident): void {
  if (isStaged(state, inc.conditionId)) return;
  for (const s of inc.affected) {
    const svc = state.services[s];
    if (!svc || !ownersHandled(state, inc, s)) continue;
    const now = svc.ownerFeedback ?? 0;
    svc.ownerFeedback = clamp01(now + tuning.ownerFeedbackPerPage * (1 - now));
  }
}

/** Once a day, what the owners learned fades a little: the loop needs pages to keep turning. */
export function fadeOwnerFeedback(state: SimState): void {
  const keep = 0.5 ** (1 / tuning.ownerFeedbackHalfLifeDays);
  for (const s of state.serviceOrder) {
    const svc = state.services[s];
    if (svc?.ownerFeedback) svc.ownerFeedback *= keep;
  }
}

/** The chance that one deploy of a service brings a new latent condition. */
export function newWeaknessChance(state: Snapshot, service: string): number {
  return tuning.deployConditionChance * (1 - tuning.ownerFeedbackMaxCut * ownerFeedback(state, service));
}
