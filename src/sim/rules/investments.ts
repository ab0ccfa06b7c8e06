import { MINUTES_PER_WEEK } from '../clock';
import type { Snapshot } from '../model/snapshot';
import {
  type ConditionKind,
  INVESTMENT_KINDS,
  type Investment,
  type InvestmentKind,
  type InvestmentOffer,
  type SimState,
} from '../model/types';
import { clamp01, logEvent, serviceName } from '../model/world';
import { draw } from '../rng';
import { tuning } from '../tuning';
import { chargeBoughtRisk } from './effects';
import { runDrill } from './knowledge';
import { addHire } from './people';
import { addDeployWeakness } from './work';

/** How many investments are offered each week; the player takes one. */
export const OFFERS_PER_WEEK = 3;

/** What each investment costs the owning team, in hours owed before feature work. */
export const INVESTMENT_HOURS = {
  observability: 24,
  runbook: 16,
  hire: 12,
  drill: 0,
  'feature-push': 0,
} satisfies Record<InvestmentKind, number>;

/** The week of the round a minute falls in, counted from 1. */
export function weekNumber(t: number): number {
  return Math.floor(t / MINUTES_PER_WEEK) + 1;
}

/** Whether an investment taken at the start of a week takes effect before the round ends (a hire must arrive). */
export function takesEffectInRound(kind: InvestmentKind, week: number, weeks: number): boolean {
  return kind !== 'hire' || week - 1 + tuning.hireWeeks < weeks;
}

/**
 * The week's offers: three different kinds, each on a service, drawn from a stream of their own (kept
 * out of the world) so that the same seed offers the same choices and no other luck moves. A kind that could
 * not take effect before the round ends (a hire arriving after it) is never offered: the next kind in the
 * shuffle takes its place, with the same draws.
 */
export function offersFor(state: Snapshot, week: number): InvestmentOffer[] {
  const streams: Record<string, string> = {};
  const name = `offers:${week}`;
  const kinds: InvestmentKind[] = [...INVESTMENT_KINDS];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(draw(streams, name, state.seed) * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as InvestmentKind, kinds[i] as InvestmentKind];
  }
  const useful = kinds.filter((kind) => takesEffectInRound(kind, week, state.weeks));
  return useful.slice(0, OFFERS_PER_WEEK).map((kind) => {
    const pick = Math.floor(draw(streams, name, state.seed) * state.serviceOrder.length);
    const service = state.serviceOrder[pick] ?? state.serviceOrder[0] ?? '';
    const team = state.services[service]?.team ?? state.teamOrder[0] ?? '';
    const drillHours =
      2 * Object.values(state.engineers).filter((e) => e.team === team && e.status === 'active').length;
    return { kind, service, team, costHours: kind === 'drill' ? drillHours : INVESTMENT_HOURS[kind] };
  });
}

/** The investment chosen in a week, if any. */
export function chosenIn(state: Snapshot, week: number): Investment | null {
  return (state.investments ?? []).find((i) => i.week === week) ?? null;
}

/** Whether the week has offers waiting for a choice now: from week 2 on, until one is taken. */
export function choiceOpen(state: Snapshot): boolean {
  const week = weekNumber(state.now);
  return week >= 2 && week <= state.weeks && !state.lost && chosenIn(state, week) === null;
}

const teamName = (state: Snapshot, id: string) => state.teams[id]?.name ?? id;

/** The offer in the player's words: "Better alerts on Checkout". */
export function investmentTitle(state: Snapshot, o: Pick<InvestmentOffer, 'kind' | 'service' | 'team'>): string {
  const svc = serviceName(state, o.service);
  switch (o.kind) {
    case 'observability':
      return `Better dashboards and alerts on ${svc}`;
    case 'runbook':
      return `Write a runbook for ${svc}`;
    case 'hire':
      return `Hire for ${teamName(state, o.team)}`;
    case 'drill':
      return `A drill for ${teamName(state, o.team)} on ${svc}`;
    case 'feature-push':
      return `A feature push on ${svc}`;
  }
}

/** What it gives and what it costs, visibly. */
export function investmentTerms(state: Snapshot, o: InvestmentOffer): { gives: string; costs: string } {
  const hours = `${o.costHours} hours of ${teamName(state, o.team)}'s time`;
  switch (o.kind) {
    case 'observability':
      return {
        gives: `outages on it are seen sooner, by alerts (+${tuning.investObservability * 100}%)`,
        costs: hours,
      };
    case 'runbook':
      return { gives: `faster diagnosis when it burns (+${tuning.investRunbook * 100}%)`, costs: hours };
    case 'hire':
      return {
        gives: `one more person in ${tuning.hireWeeks} weeks, who starts knowing little`,
        costs: `${hours} (interviews)`,
      };
    case 'drill':
      return { gives: 'everyone on the team learns the service and practises a role', costs: hours };
    case 'feature-push':
      return {
        gives: `${tuning.featurePushValue} business value now`,
        costs: `${tuning.featurePushConditions} new hidden weaknesses in ${serviceName(state, o.service)}`,
      };
  }
}

const PUSH_KINDS: ConditionKind[] = ['deploy', 'config', 'capacity', 'retry-storm'];

/** Carries out the chosen offer: its effect now and its cost. */
export function invest(state: SimState, week: number, offer: number, o: InvestmentOffer): void {
  const svc = state.services[o.service];
  const team = state.teams[o.team];
  if (o.kind !== 'drill' && team) team.owedHours += o.costHours;
  if (o.kind === 'observability' && svc) svc.observability = clamp01(svc.observability + tuning.investObservability);
  if (o.kind === 'runbook' && svc) svc.runbook = clamp01(svc.runbook + tuning.investRunbook);
  if (o.kind === 'drill') runDrill(state, o.team, o.service);
  if (o.kind === 'feature-push' && svc) featurePush(state, o.service, week);
  if (svc && o.kind !== 'feature-push') svc.lastTouchedAt = state.now;
  const investment: Investment = { ...o, week, offer, at: state.now };
  state.investments = [...(state.investments ?? []), investment];
  logEvent(state, { type: 'investment-chosen', week, kind: o.kind, service: o.service, team: o.team });
}

function featurePush(state: SimState, service: string, week: number): void {
  const svc = state.services[service];
  if (!svc) return;
  svc.lastDeployAt = state.now;
  state.totals.businessValue += tuning.featurePushValue;
  for (let i = 0; i < tuning.featurePushConditions; i++) {
    const kind = PUSH_KINDS[(week + i) % PUSH_KINDS.length] as ConditionKind;
    const id = `${service}:${kind}:push${week}-${i}`;
    const added = addDeployWeakness(state, id, service, kind, 'push');
    const c = state.conditions[id];
    if (added && c) chargeBoughtRisk(state, c);
  }
}

/** People hired through an investment arrive when their weeks are up, knowing little. */
export function arriveHires(state: SimState): void {
  for (const inv of state.investments ?? []) {
    if (inv.kind !== 'hire' || inv.arrived || state.now < inv.at + tuning.hireWeeks * MINUTES_PER_WEEK) continue;
    const team = state.teams[inv.team];
    inv.arrived = true;
    if (!team) continue;
    const id = addHire(state, inv.team, team.site);
    logEvent(state, { type: 'hired', engineer: id, team: inv.team });
  }
}
