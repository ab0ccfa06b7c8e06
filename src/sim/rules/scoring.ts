import type { SimState } from '../model/types';
import { busFactor } from '../model/world';
import { scoreWeights as W } from './scoreWeights';

export interface Dashboard {
  availability: number;
  nines: number;
  /** Minutes from start to resolution, sorted. */
  resolveTimes: number[];
  medianResolve: number | null;
  p90Resolve: number | null;
  meanResolve: number | null;
}

export interface ScoreCard {
  dashboard: Dashboard;
  learning: {
    factorsSurfaced: number;
    actionItemsClosed: number;
    nearMissesReported: number;
    nearMissesReviewed: number;
    retrosShared: number;
    servicesWithBusFactor2: number;
    behaviourStuck: number;
    points: number;
  };
  sustainability: {
    shiftsWithinBudget: number;
    toilShare: number;
    burnouts: number;
    points: number;
  };
  customers: { trust: number; businessValue: number; points: number };
  score: number;
}

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? null;
}

/** Availability as the dashboard counts it: weighted service-minutes up. */
export function dashboardOf(state: Readonly<SimState>): Dashboard {
  const weight = state.serviceOrder.reduce((s, id) => s + (state.services[id]?.customerWeight ?? 0), 0);
  const minutes = Math.max(1, state.now);
  const availability = Math.max(0, 1 - state.totals.downMinutes / (minutes * Math.max(weight, 1e-9)));
  const nines = availability >= 1 ? 6 : Math.min(6, -Math.log10(1 - availability));
  const resolveTimes = state.incidentOrder
    .map((id) => state.incidents[id])
    .filter((i) => i && i.resolvedAt !== null)
    .map((i) => (i?.resolvedAt ?? 0) - (i?.startedAt ?? 0))
    .sort((a, b) => a - b);
  const meanResolve = resolveTimes.length ? resolveTimes.reduce((a, b) => a + b, 0) / resolveTimes.length : null;
  return {
    availability,
    nines,
    resolveTimes,
    medianResolve: quantile(resolveTimes, 0.5),
    p90Resolve: quantile(resolveTimes, 0.9),
    meanResolve,
  };
}

/** Closed items whose condition (if any) never fired after the close. */
export function behaviourStuck(state: Readonly<SimState>): number {
  let n = 0;
  for (const item of Object.values(state.actionItems)) {
    if (item.status !== 'closed' || item.closedAt === null) continue;
    const closedAt = item.closedAt;
    const returned = item.conditionId
      ? state.incidentOrder.some((id) => {
          const inc = state.incidents[id];
          return inc?.conditionId === item.conditionId && inc.startedAt > closedAt;
        })
      : false;
    if (!returned) n++;
  }
  return n;
}

export function servicesWithBusFactor(state: Readonly<SimState>, min = 2): number {
  return state.serviceOrder.filter((s) => busFactor(state as SimState, s) >= min).length;
}

export function scoreCard(state: Readonly<SimState>): ScoreCard {
  const t = state.totals;
  const learning = {
    factorsSurfaced: t.factorsSurfaced.length,
    actionItemsClosed: t.actionItemsClosed,
    nearMissesReported: t.nearMissesReported,
    nearMissesReviewed: t.nearMissesReviewed,
    retrosShared: t.retrosShared,
    servicesWithBusFactor2: servicesWithBusFactor(state),
    behaviourStuck: behaviourStuck(state),
    points: 0,
  };
  learning.points =
    W.learning.factorSurfaced * learning.factorsSurfaced +
    W.learning.actionItemClosed * learning.actionItemsClosed +
    W.learning.nearMissReported * learning.nearMissesReported +
    W.learning.nearMissReviewed * learning.nearMissesReviewed +
    W.learning.retroShared * learning.retrosShared +
    W.learning.serviceWithBusFactor2 * learning.servicesWithBusFactor2 +
    W.learning.behaviourStuck * learning.behaviourStuck;
  const within = t.shiftsCounted > 0 ? t.shiftsWithinBudget / t.shiftsCounted : 1;
  const toil = t.workHours > 0 ? t.toilHours / t.workHours : 0;
  const sustainability = {
    shiftsWithinBudget: within,
    toilShare: toil,
    burnouts: t.burnouts,
    points:
      W.sustainability.shiftsWithinBudget * within +
      W.sustainability.toilUnderHalf * (toil <= 0.5 ? 1 : Math.max(0, 1 - (toil - 0.5) * 4)) +
      W.sustainability.burnout * t.burnouts,
  };
  const customers = {
    trust: state.customerTrust,
    businessValue: t.businessValue,
    points: W.customers.trust * state.customerTrust + (W.customers.valuePer100 * t.businessValue) / 100,
  };
  return {
    dashboard: dashboardOf(state),
    learning,
    sustainability,
    customers,
    score: learning.points + sustainability.points + customers.points,
  };
}
