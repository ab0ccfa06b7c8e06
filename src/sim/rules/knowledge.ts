import { MINUTES_PER_WEEK, type Minute } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { Incident, LatentCondition, SimState } from '../model/types';
import { activeMembers, clamp01, logEvent } from '../model/world';
import { tuning } from '../tuning';
import { ledger, revealCondition } from './effects';
import { feedBackToOwners } from './ownership';
import { riskAhead } from './risk';
import { isStaged } from './stagedFire';

/** Someone learns a service: `amount` of what they did not know yet. */
export function gainKnowledge(state: SimState, engineer: string, service: string, amount: number): void {
  const e = state.engineers[engineer];
  if (e?.status !== 'active') return;
  const k = e.knowledge[service] ?? 0;
  e.knowledge[service] = clamp01(k + amount * (1 - k));
  e.lastExposure[service] = state.now;
}

/**
 * How far knowledge of a service reaches beyond its best expert: the second and third best people's
 * knowledge (each counted up to 0.6).
 */
export function knowledgeReach(state: Pick<Snapshot, 'engineers' | 'engineerOrder'>, service: string): number {
  let first = 0;
  let second = 0;
  let third = 0;
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    const k = e.knowledge[service] ?? 0;
    if (k > first) [first, second, third] = [k, first, second];
    else if (k > second) [second, third] = [k, second];
    else if (k > third) third = k;
  }
  return Math.min(0.6, second) + Math.min(0.6, third);
}

/**
 * Knowledge spread on purpose — a drill, shadowing, pairing, a near-miss review: the person learns, and
 * the score counts what that is worth in harm: how much further knowledge of the service now reaches
 * beyond its best expert, times the share of a fire's harm that more people able to work it save
 * (sharper clues, no waiting on the hero), times the harm the service's weaknesses can still cause
 * before the round ends. Spreading knowledge of a quiet service in the round's last days is worth little.
 */
export function teach(state: SimState, engineer: string, service: string, amount: number): void {
  const before = knowledgeReach(state, service);
  gainKnowledge(state, engineer, service, amount);
  const reached = knowledgeReach(state, service) - before;
  if (reached > 0) ledger(state).knowledgeSpread += reached * tuning.knowledgeHarmShare * harmAheadOn(state, service);
}

/** The harm the live real weaknesses of a service can still cause before the round ends, in points. */
function harmAheadOn(state: SimState, service: string): number {
  let sum = 0;
  for (const c of Object.values(state.conditions))
    if (c.service === service && c.strength > 0) sum += riskAhead(state, c, false);
  return sum;
}

/**
 * Doing teaches; watching a hero do it teaches little [SRE-28]. A fire the table staged itself teaches
 * nobody. What responders learn this way makes them better at the next fire; the score does not count it
 * as knowledge spread, so having more incidents never raises it.
 */
export function learnFromIncident(state: SimState, inc: Incident): void {
  if (isStaged(state, inc.conditionId)) return;
  const heroSolo = inc.expertCalled && inc.responders.length <= 2;
  feedBackToOwners(state, inc);
  for (const r of inc.responders) {
    for (const s of inc.affected) gainKnowledge(state, r, s, heroSolo ? 0.04 : 0.15);
  }
}

/** Knowledge fades without exposure [SRE-11]. Called once a simulated day. */
export function decayKnowledge(state: SimState, now: Minute): void {
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    for (const s of Object.keys(e.knowledge)) {
      const last = e.lastExposure[s] ?? 0;
      if (now - last > 2 * MINUTES_PER_WEEK) {
        e.knowledge[s] = (e.knowledge[s] ?? 0) * (1 - tuning.knowledgeDecayPerDay);
      }
    }
  }
}

/** A Wheel of Misfortune drill: a team rehearses a failure of one service [SRE-28]. */
export function runDrill(state: SimState, team: string, service: string): void {
  const members = activeMembers(state, team);
  for (const e of members) {
    teach(state, e.id, service, 0.12);
    for (const role of ['commander', 'ops', 'comms'] as const) {
      if (!e.practised.includes(role)) {
        e.practised.push(role);
        break;
      }
    }
  }
  const t = state.teams[team];
  if (t) {
    t.owedHours += 2 * members.length;
    t.lastDrillAt = state.now;
  }
  const svc = state.services[service];
  if (svc) svc.lastTouchedAt = state.now;
  state.totals.drills += 1;
  const found = weaknessFoundBy(state, service);
  if (found) revealCondition(state, found);
  logEvent(state, { type: 'drill', team, service, ...(found ? { found: found.kind } : {}) });
}

/**
 * What a drill on a service brings to light: practising its failure modes shows the strongest real
 * weakness nobody knew of there (a game day finds what would have fired), so it can be fixed before
 * it fires. One per drill; a staged failure is nothing to find.
 */
function weaknessFoundBy(state: SimState, service: string): LatentCondition | null {
  let best: LatentCondition | null = null;
  for (const c of Object.values(state.conditions)) {
    if (c.service !== service || c.revealed || c.strength <= 0 || c.origin === 'injected') continue;
    if (!best || c.strength > best.strength) best = c;
  }
  return best;
}
