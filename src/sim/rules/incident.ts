import type { Immutable } from 'immer';
import { isNight, MINUTES_PER_DAY } from '../clock';
import { newIncident } from '../model/incidentRecord';
import type { ConditionKind, Incident, Mitigation, SimState } from '../model/types';
import { clamp01, dependentsOf, localTime, logEvent, newId, weekStats } from '../model/world';
import { draw, drawInt } from '../rng';
import { tuning } from '../tuning';
import { ledger } from './effects';
import { learnFromIncident } from './knowledge';
import { ackDelay } from './response';
import { pagerTeamFor } from './rotation';
import { pageAcrossTeamLines } from './teamLines';

export function startIncident(state: SimState, conditionId: string, injected: boolean): Incident | null {
  const c = state.conditions[conditionId];
  const svc = c ? state.services[c.service] : undefined;
  if (!c || !svc) return null;
  const t = state.now;
  const stream = `fire:${conditionId}`;
  const worse = draw(state.streams, stream, state.seed) < 0.15;
  const baseSev = c.kind === 'alert-noise' ? 4 : svc.customerWeight >= 0.8 ? 3 : 4;
  const viaAlert = draw(state.streams, stream, state.seed) < svc.observability;
  const delay = viaAlert
    ? 2 + Math.round((1 - svc.observability) * 15)
    : 25 + drawInt(state.streams, stream, state.seed, 0, 50);
  const id = newId(state, 'inc');
  const recentDeploy = svc.lastDeployAt !== null && t - svc.lastDeployAt < MINUTES_PER_DAY;
  state.incidents[id] = newIncident({
    id,
    service: svc.id,
    conditionId,
    kind: c.kind,
    sev: worse ? baseSev - 1 : baseSev,
    startedAt: t,
    detectAt: t + delay,
    detectVia: viaAlert ? 'alert' : 'customer',
    pagerTeam: pagerTeamFor(state, svc.id),
    recentDeploy,
    injected,
  });
  state.incidentOrder.push(id);
  state.openIncidents.push(id);
  c.fired += 1;
  state.totals.incidents += 1;
  const week = weekStats(state);
  if (week) week.incidents += 1;
  logEvent(state, { type: 'incident-started', incident: id, service: svc.id, kind: c.kind, injected });
  return state.incidents[id] as Incident;
}

/** Whether a mitigation fixes this incident: rollback only helps when a recent deploy is involved. */
export function mitigationWorks(kind: ConditionKind, action: Mitigation, recentDeploy: boolean): boolean {
  if (action === 'rollback' && !recentDeploy) return false;
  if (recentDeploy && action === 'rollback' && (kind === 'deploy' || kind === 'config')) return true;
  if (kind === 'deploy' && !recentDeploy && action === 'flag-off') return true;
  return (tuning.remedies[kind] as readonly Mitigation[]).includes(action);
}

export function mitigationHarms(kind: ConditionKind, action: Mitigation): boolean {
  return (tuning.harmful[kind] as readonly Mitigation[]).includes(action);
}

/** The remedies that would work, in the order a diagnosis would suggest them. */
export function workingRemedies(inc: Immutable<Incident>): Mitigation[] {
  const all: Mitigation[] = ['rollback', 'flag-off', 'failover', 'scale-up', 'restart'];
  return all.filter((a) => mitigationWorks(inc.kind, a, inc.recentDeploy));
}

const SEV_IMPACT = [0, 1, 0.6, 0.3, 0.1];

/** The page goes out: to the on-call, or when nobody there can act, to the next person who can. */
export function pageOnCall(state: SimState, inc: Incident, engineer: string): void {
  const person = state.engineers[engineer];
  if (!person) return;
  inc.pagedAt = state.now;
  ringPager(state, inc, person.id);
  const team = state.teams[inc.pagerTeam];
  if (team) team.shiftPages += 1;
  logEvent(state, {
    type: 'paged',
    incident: inc.id,
    engineer: person.id,
    night: isNight(localTime(state, person.id, state.now)),
  });
}

/** Nobody answered in time, or the person paged is gone: the page moves on down the chain. */
export function escalatePage(state: SimState, inc: Incident, engineer: string): void {
  if (!state.engineers[engineer]) return;
  ringPager(state, inc, engineer);
  logEvent(state, { type: 'escalated', incident: inc.id, engineer, reason: 'timeout' });
}

/** Rings one person: the answer and escalation clocks start, and the page costs them (more in the night). */
function ringPager(state: SimState, inc: Incident, engineer: string): void {
  const person = state.engineers[engineer];
  if (!person) return;
  const t = state.now;
  inc.pagedTo = person.id;
  inc.ackDueAt = t + ackDelay(state, person.id, t);
  inc.escalateAt = t + tuning.escalationMinutes;
  person.pagesThisShift += 1;
  if (person.pagesThisShift > tuning.pagerBudgetPerShift) ledger(state).pagesOverBudget += 1;
  if (isNight(localTime(state, person.id, t))) {
    person.fatigue = clamp01(person.fatigue + 0.06);
    state.totals.nightPages += 1;
  }
  state.totals.pages += 1;
  const week = weekStats(state);
  if (week) week.pages += 1;
  if (person.team !== inc.pagerTeam)
    logEvent(state, { type: 'page-rerouted', incident: inc.id, team: inc.pagerTeam, engineer: person.id });
}

export function acknowledge(state: SimState, inc: Incident, engineer: string): void {
  inc.ackAt = state.now;
  if (!inc.responders.includes(engineer)) inc.responders.push(engineer);
  logEvent(state, { type: 'acknowledged', incident: inc.id, engineer });
}

export function detectIncident(state: SimState, inc: Incident): void {
  inc.detectedAt = state.now;
  inc.detectedBy = inc.detectVia;
  logEvent(state, { type: 'incident-detected', incident: inc.id, by: inc.detectVia });
  if (inc.detectVia === 'customer') state.customerTrust = clamp01(state.customerTrust - 0.01);
}

export function beginInvestigation(state: SimState, inc: Incident): void {
  logEvent(state, { type: 'investigating', incident: inc.id });
}

export function startMitigation(state: SimState, inc: Incident, action: Mitigation, by: string): void {
  inc.attempts.push({
    action,
    startedAt: state.now,
    doneAt: state.now + tuning.mitigationMinutes[action],
    by,
    outcome: 'pending',
  });
  logEvent(state, { type: 'mitigation-started', incident: inc.id, action, engineer: by });
}

export function markMitigated(state: SimState, inc: Incident): void {
  inc.mitigatedAt = state.now;
  logEvent(state, { type: 'incident-mitigated', incident: inc.id });
}

/** Untreated fire: customers feel it, severity grows, and it spreads to dependents. */
export function burn(state: SimState, inc: Incident): void {
  const t = state.now;
  const noise = inc.kind === 'alert-noise' ? 0.2 : 1;
  let weight = 0;
  for (const s of inc.affected) weight += state.services[s]?.customerWeight ?? 0;
  const cm = weight * (SEV_IMPACT[inc.sev] ?? 0.1) * noise;
  inc.customerMinutes += cm;
  state.totals.customerMinutes += cm;
  state.totals.downMinutes += weight * noise;
  const week = weekStats(state);
  if (week) {
    week.customerMinutes += cm;
    week.downMinutes += weight * noise;
  }
  const informed = inc.lastStatusAt !== null && t - inc.lastStatusAt < 60;
  const comms = inc.roles.comms !== undefined;
  const late = inc.detectedBy === 'customer' || inc.phase === 'undetected' ? 2 : 1;
  state.customerTrust = clamp01(state.customerTrust - cm * 0.00012 * late * (informed || comms ? 0.4 : 1));
  if (inc.kind === 'alert-noise') return;
  if (inc.sev > 1 && t - inc.lastSevAt >= tuning.severityRiseMinutes) {
    inc.sev -= 1;
    inc.lastSevAt = t;
    logEvent(state, { type: 'severity-rose', incident: inc.id, sev: inc.sev });
  }
  if (inc.sev <= tuning.spreadAtSev && t - inc.lastSpreadAt >= tuning.spreadEveryMinutes) {
    inc.lastSpreadAt = t;
    for (const s of inc.affected) {
      const next = dependentsOf(state, s).find((d) => !inc.affected.includes(d));
      if (next) {
        inc.affected.push(next);
        logEvent(state, { type: 'spread', incident: inc.id, service: next });
        pageAcrossTeamLines(state, inc, next);
        break;
      }
    }
  }
}

export function resolveIncident(state: SimState, inc: Incident): void {
  inc.resolvedAt = state.now;
  state.openIncidents = state.openIncidents.filter((id) => id !== inc.id);
  leaveRelapse(state, inc.conditionId);
  learnFromIncident(state, inc);
  const team = state.teams[inc.pagerTeam];
  if (team) {
    const overBudget = team.shiftPages > tuning.pagerBudgetPerShift;
    if (!overBudget) team.owedHours += tuning.followUpHours;
  }
  for (const r of inc.responders) {
    const e = state.engineers[r];
    if (e) e.incidentsHandled += 1;
  }
  logEvent(state, { type: 'incident-resolved', incident: inc.id, customerMinutes: Math.round(inc.customerMinutes) });
}

/**
 * Mitigations put the fire out; they do not fix the weakness. The same failure comes back more
 * readily for days, until an action item closes on it. A staged (injected) failure leaves nothing.
 */
export function leaveRelapse(state: SimState, conditionId: string): void {
  const c = state.conditions[conditionId];
  if (!c) return;
  if (c.origin === 'injected') {
    c.strength = 0;
    return;
  }
  if (c.strength > 0) c.relapseUntil = state.now + tuning.relapseDays * MINUTES_PER_DAY;
}
