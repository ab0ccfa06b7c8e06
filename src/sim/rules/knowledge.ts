import { MINUTES_PER_WEEK, type Minute } from '../clock';
import type { Incident, LatentCondition, SimState } from '../model/types';
import { activeMembers, clamp01, logEvent } from '../model/world';
import { tuning } from '../tuning';
import { revealCondition } from './effects';
import { feedBackToOwners } from './ownership';

export function gainKnowledge(state: SimState, engineer: string, service: string, amount: number): void {
  const e = state.engineers[engineer];
  if (e?.status !== 'active') return;
  const k = e.knowledge[service] ?? 0;
  e.knowledge[service] = clamp01(k + amount * (1 - k));
  e.lastExposure[service] = state.now;
}

/** Doing teaches; watching a hero do it teaches little [SRE-28]. */
export function learnFromIncident(state: SimState, inc: Incident): void {
  const heroSolo = inc.expertCalled && inc.responders.length <= 2;
  // A staged failure is a rehearsal: it teaches the response more than the system.
  const staged = inc.injected ? 0.3 : 1;
  feedBackToOwners(state, inc);
  for (const r of inc.responders) {
    for (const s of inc.affected) gainKnowledge(state, r, s, (heroSolo ? 0.04 : 0.15) * staged);
  }
  for (const r of inc.responders) {
    for (const id of state.engineerOrder) {
      const e = state.engineers[id];
      if (e?.shadowing === r) for (const s of inc.affected) gainKnowledge(state, id, s, 0.12);
    }
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
    gainKnowledge(state, e.id, service, 0.12);
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
