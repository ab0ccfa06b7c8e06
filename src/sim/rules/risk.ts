import type { Immutable } from 'immer';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type Minute } from '../clock';
import type { LatentCondition, Service } from '../model/types';
import { tuning } from '../tuning';
import { scoreWeights } from './scoreWeights';

/**
 * Risk, in the score's own unit: the customer harm a weakness can be expected to cause, in points
 * (customer-minutes × the customer-minute weight). Everything here reads only what a player can also
 * see of a known weakness: its class, its strength, its service's load, alerts and runbook.
 */

/** What risk is read from: the services and, for the horizon, the round's clock. */
export interface RiskWorld {
  readonly now: Minute;
  readonly weeks: number;
  readonly services: Readonly<Record<string, Immutable<Service>>>;
  readonly serviceOrder: readonly string[];
  readonly conditions: Readonly<Record<string, Immutable<LatentCondition>>>;
}

type Weakness = Immutable<Pick<LatentCondition, 'service' | 'kind' | 'strength' | 'origin' | 'relapseUntil'>>;

/**
 * What an outage of a service costs customers: its own weight plus half of what depends on it,
 * since an untreated fire spreads along dependencies.
 */
export function serviceImpact(state: Pick<RiskWorld, 'services' | 'serviceOrder'>, service: string): number {
  const svc = state.services[service];
  if (!svc) return 0;
  let spread = 0;
  for (const id of state.serviceOrder) {
    const other = state.services[id];
    if (other?.dependsOn.includes(service)) spread += other.customerWeight;
  }
  return svc.customerWeight + 0.5 * spread;
}

/** How much more readily a recently fired condition comes back right now (1 = not at all). */
export function relapseFactor(c: Immutable<Pick<LatentCondition, 'relapseUntil'>>, t: Minute): number {
  const until = c.relapseUntil ?? null;
  if (until === null || t >= until) return 1;
  const left = (until - t) / (tuning.relapseDays * MINUTES_PER_DAY);
  return 1 + (tuning.relapseBoost - 1) * Math.min(1, left);
}

/** How well a service's alerts and runbook keep a weakness from giving way (the chaos check's own factor). */
export function protectionOf(svc: Immutable<Pick<Service, 'observability' | 'runbook'>>): number {
  return (1 - 0.3 * svc.observability) * (1 - 0.3 * svc.runbook);
}

/**
 * How often a weakness gives way in a typical week at its strength: its class's hazard, the service's
 * load over a day and night (at a given growth of the business), and its protection. Deploys and neglect
 * only add to it, so this errs low.
 */
export function firesPerWeek(
  state: Pick<RiskWorld, 'services'>,
  c: Weakness,
  growth = 1,
  svc: Immutable<Pick<Service, 'observability' | 'runbook' | 'load'>> | undefined = state.services[c.service],
): number {
  if (!svc || c.origin === 'injected' || c.strength <= 0) return 0;
  const day = (14 * 1.25 + 10 * 0.6) / 24;
  return tuning.weeklyHazard[c.kind] * c.strength * (0.4 + svc.load * growth) * day * protectionOf(svc);
}

/**
 * Each fire leaves the weakness coming back more readily for a week, and each of those fires does the same:
 * how many fires one ordinary fire turns into, on average (at most four; the round's end cuts it short anyway).
 */
export function repeatsPerFire(firesAWeek: number): number {
  const relapseWeeks = ((tuning.relapseBoost - 1) * tuning.relapseDays) / 2 / 7;
  return 1 / (1 - Math.min(0.75, firesAWeek * relapseWeeks));
}

/** The harm of one fire of a service, in points: its impact × the customer-minutes a typical fire lasts. */
export function harmPerFire(state: Pick<RiskWorld, 'services' | 'serviceOrder'>, service: string): number {
  return serviceImpact(state, service) * tuning.harmPerFire * -scoreWeights.customers.customerMinute;
}

/**
 * A weakness's risk: the harm it can be expected to cause in a typical week, in points. Removing a
 * strong weakness under a busy service is worth much; re-fixing a negligible one about nothing. A staged
 * failure carries none.
 */
export function conditionRisk(state: Pick<RiskWorld, 'services' | 'serviceOrder'>, c: Weakness): number {
  return firesPerWeek(state, c) * harmPerFire(state, c.service);
}

/** All live risk on one service, a week: what better runbooks and alerts there are worth. */
export function serviceRisk(
  state: Pick<RiskWorld, 'services' | 'serviceOrder' | 'conditions'>,
  service: string,
): number {
  let sum = 0;
  for (const c of Object.values(state.conditions)) if (c.service === service) sum += conditionRisk(state, c);
  return sum;
}

/**
 * Weeks of ordinary hazard a weakness still has ahead in the round: the time left, plus what its
 * relapse adds while it fades (a weakness that just fired comes back up to ten times as readily).
 */
export function weeksAhead(state: Pick<RiskWorld, 'now' | 'weeks'>, c: Weakness, withRelapse = true): number {
  const now = state.now;
  const end = state.weeks * MINUTES_PER_WEEK;
  if (end <= now) return 0;
  let minutes = end - now;
  const until = c.relapseUntil ?? null;
  if (withRelapse && until !== null && until > now) {
    // The boost fades linearly to nothing at `until`: its integral over the part of the fade inside the round.
    const fade = tuning.relapseDays * MINUTES_PER_DAY;
    const stop = Math.min(end, until);
    minutes += ((tuning.relapseBoost - 1) / fade) * (((until - now) ** 2 - (until - stop) ** 2) / 2);
  }
  return minutes / MINUTES_PER_WEEK;
}

/**
 * The harm a weakness can still cause before the round ends, in points: its risk a week, at the load the
 * rest of the round brings, over the weeks it has ahead. This bounds what removing it is worth: a weakness
 * removed on the last day is worth the harm one day could bring, not a week's.
 */
export function riskAhead(
  state: Pick<RiskWorld, 'now' | 'weeks' | 'services' | 'serviceOrder'>,
  c: Weakness,
  /** Count what a relapse under way adds (the score does not: see effects.ts). */
  withRelapse = true,
  svc?: Immutable<Pick<Service, 'observability' | 'runbook' | 'load'>>,
): number {
  const end = state.weeks * MINUTES_PER_WEEK;
  const growth = 1 + tuning.loadGrowthPerWeek * ((state.now + end) / 2 / MINUTES_PER_WEEK);
  const rate = firesPerWeek(state, c, growth, svc);
  const repeats = repeatsPerFire(rate);
  return rate * repeats * harmPerFire(state, c.service) * weeksAhead(state, c, withRelapse);
}
