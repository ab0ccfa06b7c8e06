import type { Snapshot } from '../model/snapshot';
import { busFactor } from '../model/world';
import { emptyLedger } from './effects';
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
    riskRemoved: number;
    riskRevealed: number;
    responseImproved: number;
    /** Harm knowledge spread on purpose can save before the round ends (drills, shadowing, pairing, reviews). */
    knowledgeSpread: number;
    trustChange: number;
    /** Shown for the story, not scored by themselves. */
    factorsSurfaced: number;
    actionItemsClosed: number;
    nearMissesReported: number;
    servicesWithBusFactor2: number;
    behaviourStuck: number;
    points: number;
  };
  sustainability: {
    burnouts: number;
    pagesOverBudget: number;
    shiftsOverBudget: number;
    toilOverHalfHours: number;
    /** The team with the most hours over half toil, and the person with the most pages over budget. */
    worstTeam: string | null;
    points: number;
  };
  customers: { customerMinutes: number; trustChange: number; businessValue: number; points: number };
  score: number;
}

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? null;
}

/** Availability as the dashboard counts it: weighted service-minutes up. */
export function dashboardOf(state: Snapshot): Dashboard {
  const weight = state.serviceOrder.reduce((s, id) => s + (state.services[id]?.customerWeight ?? 0), 0);
  const minutes = Math.max(1, state.now);
  const availability = Math.max(0, 1 - state.totals.downMinutes / (minutes * Math.max(weight, 1e-9)));
  const nines = availability >= 1 ? 6 : Math.min(6, -Math.log10(1 - availability));
  const resolveTimes = state.incidentOrder
    .map((id) => state.incidents[id])
    .filter((i) => i && i.resolvedAt !== null && !i.prior)
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
export function behaviourStuck(state: Snapshot): number {
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

export function servicesWithBusFactor(state: Snapshot, min = 2): number {
  return state.serviceOrder.filter((s) => busFactor(state, s) >= min).length;
}

export function meanTrust(state: Snapshot): number {
  let sum = 0;
  let n = 0;
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    sum += e.trust;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * The score: it starts at zero and every point traces to an effect on the world — risk removed or
 * known, response made faster where it matters, knowledge spread, trust, people kept within the
 * pager budget, customers and value. Writing items, holding retros or posting updates earn nothing
 * by themselves.
 */
export function scoreCard(state: Snapshot): ScoreCard {
  const t = state.totals;
  const fx = t.effects ?? emptyLedger();
  const start = state.start;
  const trustChange = start ? meanTrust(state) - start.meanTrust : 0;
  const learning = {
    riskRemoved: fx.riskRemoved,
    riskRevealed: fx.riskRevealed,
    responseImproved: fx.responseImproved,
    knowledgeSpread: fx.knowledgeSpread ?? 0,
    trustChange,
    factorsSurfaced: t.factorsSurfaced.length,
    actionItemsClosed: t.actionItemsClosed,
    nearMissesReported: t.nearMissesReported,
    servicesWithBusFactor2: servicesWithBusFactor(state),
    behaviourStuck: behaviourStuck(state),
    points:
      W.learning.riskRemoved * fx.riskRemoved +
      W.learning.responseImproved * fx.responseImproved +
      W.learning.knowledgeSpread * (fx.knowledgeSpread ?? 0) +
      W.learning.trust * trustChange,
  };
  const shiftsOverBudget = t.shiftsCounted - t.shiftsWithinBudget;
  let worstTeam: string | null = null;
  let worstToil = 0.5;
  for (const id of state.teamOrder) {
    const team = state.teams[id];
    if (team && team.toilShare > worstToil) {
      worstToil = team.toilShare;
      worstTeam = id;
    }
  }
  const sustainability = {
    burnouts: t.burnouts,
    pagesOverBudget: fx.pagesOverBudget,
    shiftsOverBudget,
    toilOverHalfHours: fx.toilOverHalfHours,
    worstTeam,
    points:
      W.sustainability.burnout * t.burnouts +
      W.sustainability.pageOverBudget * fx.pagesOverBudget +
      W.sustainability.shiftOverBudget * shiftsOverBudget +
      W.sustainability.toilOverHalfHour * fx.toilOverHalfHours,
  };
  const customerTrustChange = start ? state.customerTrust - start.customerTrust : 0;
  const customers = {
    customerMinutes: t.customerMinutes,
    trustChange: customerTrustChange,
    businessValue: t.businessValue,
    points:
      W.customers.customerMinute * t.customerMinutes +
      W.customers.trust * customerTrustChange +
      (W.customers.valuePer100 * t.businessValue) / 100,
  };
  return {
    dashboard: dashboardOf(state),
    learning,
    sustainability,
    customers,
    score: learning.points + sustainability.points + customers.points,
  };
}
