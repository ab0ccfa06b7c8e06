import { MINUTES_PER_WEEK } from '../clock';
import type { ActionItem, ConditionKind, SimState, Team } from '../model/types';
import { activeMembers, clamp01, logEvent } from '../model/world';
import { createStream, draw } from '../rng';
import { tuning } from '../tuning';
import { closeActionItem } from './actionItems';
import { ledger } from './effects';
import { newWeaknessChance } from './ownership';
import { respondingNow } from './people';

/** Toil grows with the number of services a person looks after [SRE-5]. */
export function toilShare(ownedServices: number, people: number): number {
  if (people <= 0) return 1;
  return clamp01(tuning.baseToilShare + ((tuning.toilPerServicePerPerson * ownedServices) / Math.max(1, people)) * 4);
}

/** Feature velocity: morale lifts it, toil above one half drags it [SRE-5]. */
export function velocity(morale: number, toil: number): number {
  return (0.5 + 0.7 * morale) * (toil > 0.5 ? 0.7 : 1);
}

const DEPLOY_KINDS: ConditionKind[] = ['deploy', 'config', 'capacity', 'retry-storm', 'duplicate-delivery', 'data'];

/** One work hour for every team: toil, a failure that keeps coming back, reliability work, owed hours, then features. */
export function workHour(state: SimState): void {
  const busy = respondingNow(state);
  for (const teamId of state.teamOrder) {
    const team = state.teams[teamId];
    if (!team) continue;
    const members = activeMembers(state, teamId);
    const people = members.filter((e) => !busy.has(e.id));
    let hours = people.length;
    if (members.length === 0) continue;
    const owned = state.serviceOrder.filter((s) => state.services[s]?.team === teamId);
    const toil = toilShare(owned.length, members.length);
    team.toilShare = toil;
    const toilHours = hours * toil;
    hours -= toilHours;
    state.totals.toilHours += toilHours;
    if (toil > 0.5) ledger(state).toilOverHalfHours += people.length;
    state.totals.workHours += people.length;
    // A failure that keeps coming back is fixed first — by a team that gives any time to action items at all.
    if (team.reliabilityShare > 0)
      hours -= workOnActionItems(state, team, hours, (item) => relapsing(state, item), true);
    // The team's reliability share goes to its action items; what it owes (follow-ups, retros, drills,
    // shadowing) comes out of feature time: learning competes with feature work, not with the fixes.
    const reliability = hours * team.reliabilityShare;
    hours -= workOnActionItems(state, team, reliability);
    const owedPaid = Math.min(hours, team.owedHours);
    team.owedHours -= owedPaid;
    hours -= owedPaid;
    const morale = members.reduce((s, e) => s + e.morale, 0) / members.length;
    shipFeatures(state, owned, hours * velocity(morale, toil));
  }
}

/** An item on a condition that fired recently and is still coming back more readily. */
function relapsing(state: SimState, item: ActionItem): boolean {
  const c = item.conditionId ? state.conditions[item.conditionId] : undefined;
  return !!c && c.strength > 0 && (c.relapseUntil ?? -1) > state.now;
}

/** Hours an item still needs. */
const hoursLeft = (item: ActionItem) => item.costDays * 8 - item.doneHours;

function workOnActionItems(
  state: SimState,
  team: Team,
  hours: number,
  only: (item: ActionItem) => boolean = () => true,
  soonestFirst = false,
): number {
  let left = hours;
  // The oldest is worked first; a failure coming back is stopped by whichever of its fixes closes soonest.
  const open: ActionItem[] = [];
  for (const a of Object.values(state.actionItems))
    if (a.team === team.id && a.status === 'open' && only(a)) open.push(a);
  if (soonestFirst) open.sort((a, b) => hoursLeft(a) - hoursLeft(b) || a.createdAt - b.createdAt);
  else open.sort((a, b) => a.createdAt - b.createdAt);
  for (const item of open) {
    if (left <= 0) break;
    const need = item.costDays * 8 - item.doneHours;
    const put = Math.min(need, left);
    item.doneHours += put;
    item.lastWorkedAt = state.now;
    left -= put;
    if (item.doneHours >= item.costDays * 8 - 1e-9) closeActionItem(state, item);
  }
  return hours - left;
}

function shipFeatures(state: SimState, owned: string[], hours: number): void {
  if (owned.length === 0 || hours <= 0) return;
  state.totals.businessValue += hours * tuning.valuePerFeatureHour;
  const share = hours / owned.length;
  for (const s of owned) {
    const svc = state.services[s];
    if (!svc) continue;
    svc.featureProgress += share;
    if (svc.featureProgress < tuning.featureHoursPerDeploy) continue;
    svc.featureProgress -= tuning.featureHoursPerDeploy;
    deploy(state, s);
  }
}

/** A deploy ships value and may bring a new latent condition with it. */
export function deploy(state: SimState, service: string): void {
  const svc = state.services[service];
  if (!svc) return;
  svc.deploys += 1;
  svc.lastDeployAt = state.now;
  svc.lastTouchedAt = state.now;
  const stream = `deploy:${service}`;
  // Owners who carry this service's pager have learned what breaks it [GOLD].
  const chance = newWeaknessChance(state, service);
  let newCondition: string | null = null;
  if (draw(state.streams, stream, state.seed) < chance) {
    const kind = DEPLOY_KINDS[
      Math.floor(draw(state.streams, stream, state.seed) * DEPLOY_KINDS.length)
    ] as ConditionKind;
    const id = `${service}:${kind}:d${svc.deploys}`;
    if (addDeployWeakness(state, id, service, kind)) newCondition = id;
  }
  logEvent(state, { type: 'deploy', service, newCondition });
}

/**
 * A new hidden weakness that shipped with a deploy (by chance) or a feature push (bought), with its own chaos
 * stream; false when it is already there.
 */
export function addDeployWeakness(
  state: SimState,
  id: string,
  service: string,
  kind: ConditionKind,
  origin: 'deploy' | 'push' = 'deploy',
): boolean {
  if (state.conditions[id]) return false;
  state.conditions[id] = {
    id,
    service,
    kind,
    strength: 0.8,
    revealed: false,
    createdAt: state.now,
    origin,
    fired: 0,
  };
  state.streams[`chaos:${id}`] = createStream(state.seed, `chaos:${id}`);
  return true;
}

/** Items nobody has touched for three weeks go stale. */
export function staleActionItems(state: SimState): void {
  for (const item of Object.values(state.actionItems) as ActionItem[]) {
    if (item.status === 'open' && state.now - item.lastWorkedAt > 3 * MINUTES_PER_WEEK) {
      item.status = 'stale';
      logEvent(state, { type: 'action-item-stale', item: item.id });
    }
  }
}
