import type { Immutable } from 'immer';
import { MINUTES_PER_DAY, type Minute } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { LatentCondition } from '../model/types';
import { dependentsOf } from '../model/world';
import { tuning } from '../tuning';

/**
 * What an outage of a service costs customers: its own weight plus half of what depends on it,
 * since an untreated fire spreads along dependencies.
 */
export function serviceImpact(state: Snapshot, service: string): number {
  const svc = state.services[service];
  if (!svc) return 0;
  let spread = 0;
  for (const d of dependentsOf(state, service)) spread += state.services[d]?.customerWeight ?? 0;
  return svc.customerWeight + 0.5 * spread;
}

/** How much more readily a recently fired condition comes back right now (1 = not at all). */
export function relapseFactor(c: Immutable<LatentCondition>, t: Minute): number {
  const until = c.relapseUntil ?? null;
  if (until === null || t >= until) return 1;
  const left = (until - t) / (tuning.relapseDays * MINUTES_PER_DAY);
  return 1 + (tuning.relapseBoost - 1) * Math.min(1, left);
}

/**
 * A condition's risk: the expected customer impact it would cause in a typical week, in points.
 * Hazard × impact: removing a strong condition under a busy service is worth much; re-fixing a
 * negligible one is worth about nothing. Injected (staged) failures carry no real risk. A relapse
 * is not counted here: its effect shows in the incidents that do not come back.
 */
export function conditionRisk(state: Snapshot, c: Immutable<LatentCondition>): number {
  if (c.origin === 'injected' || c.strength <= 0) return 0;
  return 100 * tuning.weeklyHazard[c.kind] * c.strength * serviceImpact(state, c.service);
}

/** All live risk on one service: what better runbooks and alerts there are worth. */
export function serviceRisk(state: Snapshot, service: string): number {
  let sum = 0;
  for (const c of Object.values(state.conditions)) if (c.service === service) sum += conditionRisk(state, c);
  return sum;
}
