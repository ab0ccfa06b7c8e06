import { isNight, isWeekend, MINUTES_PER_WEEK } from '../clock';
import { newEngineer } from '../model/createWorld';
import type { Snapshot } from '../model/snapshot';
import type { Engineer, SimState } from '../model/types';
import { clamp01, localTime, logEvent, newId, openIncidents, readView } from '../model/world';
import { draw } from '../rng';
import { tuning } from '../tuning';
import { sendIncident } from './incidentLife';
import { fadeOwnerFeedback } from './ownership';
import { closeOnCallWeek, closePersonalShift, countOnCallHour, onCallNightRest, pagerStrain } from './pagerLoad';
import { onCall, pagerTeams } from './rotation';

/** Who carries a pager right now, primary or secondary. */
export function onCallNow(world: Snapshot): Set<string> {
  const out = new Set<string>();
  const state = readView(world);
  for (const team of pagerTeams(state)) {
    const crew = onCall(state, team, state.now);
    if (crew.primary) out.add(crew.primary.id);
    if (crew.secondary) out.add(crew.secondary.id);
  }
  return out;
}

export function respondingNow(state: SimState): Set<string> {
  const out = new Set<string>();
  for (const inc of openIncidents(state)) for (const r of inc.responders) out.add(r);
  return out;
}

/**
 * One hour of rest and strain. Being on call costs some sleep even with no page, more week after
 * week without a break; working through the night costs the most [SLEEP, GOLD].
 */
export function fatigueDelta(
  e: Engineer,
  night: boolean,
  weekend: boolean,
  onCall: boolean,
  responding: boolean,
): number {
  if (responding) return night ? 0.05 : 0.015;
  if (night) return onCall ? onCallNightRest(e) : -0.03;
  if (weekend) return onCall ? 0.001 : -0.015;
  return onCall ? 0.001 : 0.002 - 0.006 * e.morale;
}

export function hourlyPeople(state: SimState): void {
  if (state.now > 0 && state.now % MINUTES_PER_WEEK === 0) closeOnCallWeek(state);
  const paged = onCallNow(state);
  const busy = respondingNow(state);
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    const local = localTime(state, id, state.now);
    if (paged.has(id)) countOnCallHour(e);
    e.fatigue = clamp01(e.fatigue + fatigueDelta(e, isNight(local), isWeekend(local), paged.has(id), busy.has(id)));
  }
}

/**
 * Where morale heads: tired, toil-heavy, over-budget and blaming teams sag, and so do people the
 * pager interrupts too often or never lets go of [SRE-5, WB-8, PD].
 */
export function moraleTarget(e: Engineer, toilShare: number, overBudgetShare: number, culture: number): number {
  return clamp01(
    0.8 -
      pagerStrain(e) -
      0.8 * Math.max(0, e.fatigue - 0.4) -
      0.5 * Math.max(0, toilShare - 0.5) -
      0.4 * Math.max(0, overBudgetShare - 0.33) +
      0.15 * (culture - 0.5) -
      0.2 * (0.6 - e.trust),
  );
}

export function dailyPeople(state: SimState): void {
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    const team = state.teams[e.team];
    if (!team) continue;
    const overBudget = team.shifts > 0 ? team.shiftsOverBudget / team.shifts : 0;
    e.morale = clamp01(e.morale + 0.25 * (moraleTarget(e, team.toilShare, overBudget, team.culture) - e.morale));
    if (e.fatigue >= tuning.burnoutFatigue && e.morale <= tuning.burnoutMorale + 0.15) {
      if (draw(state.streams, `burnout:${id}`, state.seed) < 0.2) burnOut(state, e);
    }
  }
  hireWhereDue(state);
  fadeOwnerFeedback(state);
}

export function burnOut(state: SimState, e: Engineer): void {
  e.status = 'left';
  e.leftAt = state.now;
  e.shadowing = null;
  state.totals.burnouts += 1;
  logEvent(state, { type: 'burnout', engineer: e.id, team: e.team });
  const team = state.teams[e.team];
  if (team && team.hiringUntil === null) team.hiringUntil = state.now + tuning.hireWeeks * MINUTES_PER_WEEK;
  for (const inc of openIncidents(state)) {
    inc.responders = inc.responders.filter((r) => r !== e.id);
    // A page still ringing for them goes on at once to the next person who can act.
    if (inc.phase === 'paged' && inc.pagedTo === e.id) sendIncident(state, inc, { type: 'ESCALATE' });
  }
}

/** Hiring takes weeks, and a new hire starts knowing little. */
export function hireWhereDue(state: SimState): void {
  for (const teamId of state.teamOrder) {
    const team = state.teams[teamId];
    if (!team || team.hiringUntil === null || state.now < team.hiringUntil) continue;
    team.hiringUntil = null;
    const id = addHire(state, teamId, team.site);
    for (const w of state.rotation.byTeam[teamId] ?? []) {
      if (state.engineers[w.secondary]?.status === 'left') w.secondary = id;
      if (state.engineers[w.primary]?.status === 'left') w.primary = id;
    }
    logEvent(state, { type: 'hired', engineer: id, team: teamId });
  }
}

/** A new person joins a team: a name from the pool, knowing a little of the team's own services. Returns their id. */
export function addHire(state: SimState, teamId: string, site: string): string {
  const name = state.namePool.shift() ?? `New hire ${state.totals.hires + 1}`;
  const id = newId(state, 'eng');
  const knowledge: Record<string, number> = {};
  for (const s of state.serviceOrder) if (state.services[s]?.team === teamId) knowledge[s] = 0.1;
  state.engineers[id] = newEngineer(id, name, teamId, site, knowledge, state.now);
  state.engineerOrder.push(id);
  state.totals.hires += 1;
  return id;
}

/** At every shift change, count each pager team's shift against the budget and start afresh. */
export function closeShift(state: SimState): void {
  for (const teamId of pagerTeams(state)) {
    const team = state.teams[teamId];
    if (!team) continue;
    team.shifts += 1;
    state.totals.shiftsCounted += 1;
    if (team.shiftPages > tuning.pagerBudgetPerShift) team.shiftsOverBudget += 1;
    else state.totals.shiftsWithinBudget += 1;
    team.shiftPages = 0;
  }
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (!e) continue;
    if (e.status === 'active') closePersonalShift(e);
    e.pagesThisShift = 0;
  }
}
