import type { Snapshot } from '../model/snapshot';
import type { ActionItem, ActionType, ConditionKind, FactorKey, Service, SimState } from '../model/types';
import { activeMembers, clamp01, logEvent, newId, serviceName } from '../model/world';
import { improveService, isGuarded, weakenCondition } from './effects';
import { teach } from './knowledge';

export interface ActionPlan {
  type: ActionType;
  costDays: number;
  title: string;
}

/** The player's words for each class of weakness: a new class without words does not compile. */
const CONDITION_WORDS: Record<ConditionKind, string> = {
  capacity: 'capacity limit',
  config: 'risky config path',
  deploy: 'unsafe deploy path',
  dependency: 'brittle dependency',
  data: 'data corruption path',
  certificate: 'expiring certificate',
  'retry-storm': 'retry storm',
  'duplicate-delivery': 'non-idempotent delivery',
  'alert-noise': 'noisy alert',
};

export function conditionWords(kind: string): string {
  return Object.hasOwn(CONDITION_WORDS, kind) ? CONDITION_WORDS[kind as ConditionKind] : kind;
}

type PlanMaker = (name: string, kind: string | null) => ActionPlan[];

const onCondition: PlanMaker = (name, kind) => {
  // A staged failure has no condition behind it: nothing to remove or guard.
  if (kind === null) return [];
  const what = conditionWords(kind);
  return [
    { type: 'prevent', costDays: 2.5, title: `Remove the ${what} in ${name}` },
    { type: 'mitigate', costDays: 0.5, title: `Guard the ${what} in ${name}` },
  ];
};
const rewriteRunbook: PlanMaker = (name) => [
  { type: 'repair', costDays: 1, title: `Rewrite the ${name} runbook from this incident` },
];
const pairUp: PlanMaker = (name) => [{ type: 'repair', costDays: 1.5, title: `Pair two more people on ${name}` }];
const practiseRoles: PlanMaker = () => [
  { type: 'repair', costDays: 0.5, title: 'Practise incident roles and handoffs in a drill' },
];

/** What each kind of factor can lead to: a new kind of factor without its plans does not compile. */
const PLANS: Record<FactorKey, PlanMaker> = {
  condition: onCondition,
  'sibling-condition': onCondition,
  'runbook-stale': rewriteRunbook,
  'wrong-mitigation': rewriteRunbook,
  'late-alert': (name) => [{ type: 'repair', costDays: 2, title: `Alert on ${name} symptoms customers feel` }],
  'single-knower': pairUp,
  hero: pairUp,
  'recent-deploy': (name) => [{ type: 'mitigate', costDays: 2, title: `Canary and auto-rollback for ${name}` }],
  fatigue: () => [
    { type: 'repair', costDays: 0.5, title: 'Rebalance the rotation and protect rest after night pages' },
  ],
  freelancing: practiseRoles,
  'cross-team': practiseRoles,
  'handoff-lost': practiseRoles,
};

/** The action items a factor can lead to, typed prevent / mitigate / repair [WB-10]. */
export function plansFor(
  key: FactorKey,
  service: string,
  kind: string | null,
  state: Pick<Snapshot, 'services'>,
): ActionPlan[] {
  if (!Object.hasOwn(PLANS, key)) return [];
  return PLANS[key](serviceName(state, service), kind);
}

export interface FileItemInput {
  retroId: string | null;
  factorId: string | null;
  factorKey: FactorKey;
  conditionId: string | null;
  service: string;
  type: ActionType;
  owner?: string;
}

/** The plan an item would follow, or null when its type does not fit the factor (or the service is gone). */
export function planFor(state: Snapshot, input: FileItemInput): ActionPlan | null {
  if (!state.services[input.service]) return null;
  const kind = input.conditionId ? (state.conditions[input.conditionId]?.kind ?? null) : null;
  return plansFor(input.factorKey, input.service, kind, state).find((p) => p.type === input.type) ?? null;
}

export function fileActionItem(state: SimState, input: FileItemInput): ActionItem | null {
  const svc = state.services[input.service];
  const plan = planFor(state, input);
  if (!svc || !plan) return null;
  const team = svc.team;
  const owner = input.owner ?? activeMembers(state, team)[0]?.id ?? '';
  const id = newId(state, 'ai');
  const item: ActionItem = {
    id,
    retroId: input.retroId,
    factorId: input.factorId,
    factorKey: input.factorKey,
    conditionId: input.conditionId,
    service: input.service,
    team,
    type: plan.type,
    owner,
    title: plan.title,
    costDays: plan.costDays,
    doneHours: 0,
    status: 'open',
    createdAt: state.now,
    closedAt: null,
    lastWorkedAt: state.now,
  };
  state.actionItems[id] = item;
  logEvent(state, { type: 'action-item-filed', item: id, actionType: item.type, title: item.title });
  return item;
}

type Source = Parameters<typeof weakenCondition>[3];
type Repair = (state: SimState, svc: Service, source: Source) => void;

const betterRunbook: Repair = (state, svc) => improveService(state, svc, 'runbook', 0.3);
const spreadKnowledge: Repair = (state, svc) => {
  const learners = activeMembers(state, svc.team)
    .sort((a, b) => (a.knowledge[svc.id] ?? 0) - (b.knowledge[svc.id] ?? 0))
    .slice(0, 2);
  for (const e of learners) teach(state, e.id, svc.id, 0.45);
};
const practiseCommand: Repair = (state, svc) => {
  for (const e of activeMembers(state, svc.team)) if (!e.practised.includes('commander')) e.practised.push('commander');
};

/**
 * What closing an item repairs beyond its condition, per kind of factor (null: the condition is all there is).
 * A new kind of factor without its entry does not compile.
 */
const REPAIRS: Record<FactorKey, Repair | null> = {
  condition: null,
  'sibling-condition': null,
  'runbook-stale': betterRunbook,
  'wrong-mitigation': betterRunbook,
  'handoff-lost': betterRunbook,
  'late-alert': (state, svc) => improveService(state, svc, 'observability', 0.25),
  'single-knower': spreadKnowledge,
  hero: spreadKnowledge,
  'recent-deploy': (state, svc, source) => {
    for (const c of Object.values(state.conditions)) {
      if (c.service === svc.id && (c.kind === 'deploy' || c.kind === 'config'))
        weakenCondition(state, c, c.strength * 0.6, source);
    }
  },
  fatigue: (state, svc) => {
    for (const e of activeMembers(state, svc.team)) e.morale = clamp01(e.morale + 0.08);
  },
  freelancing: practiseCommand,
  'cross-team': practiseCommand,
};

/** Closing an item removes or weakens its latent condition, or repairs what made the response hard. */
export function closeActionItem(state: SimState, item: ActionItem): void {
  item.status = 'closed';
  item.closedAt = state.now;
  state.totals.actionItemsClosed += 1;
  const svc = state.services[item.service];
  const cond = item.conditionId ? state.conditions[item.conditionId] : undefined;
  if (svc) svc.lastTouchedAt = state.now;
  const source = { by: 'item' as const, id: item.id, title: item.title };
  if (cond) {
    if (item.type === 'prevent') weakenCondition(state, cond, 0, source);
    else if (item.type === 'mitigate') {
      // The first guard takes most of the danger away; guarding the same weakness again adds little.
      weakenCondition(state, cond, cond.strength * (isGuarded(cond) ? 0.85 : 0.4), source);
    }
  }
  if (svc && Object.hasOwn(REPAIRS, item.factorKey)) REPAIRS[item.factorKey]?.(state, svc, source);
  logEvent(state, { type: 'action-item-closed', item: item.id, title: item.title, condition: item.conditionId });
}
