import type { Immutable } from 'immer';
import { isNight, type Minute } from '../clock';
import type { People, Snapshot } from '../model/snapshot';
import type { Incident, Role, SimState } from '../model/types';
import { activeMembers, clamp01, localTime, logEvent } from '../model/world';
import { drawInt } from '../rng';
import { tuning } from '../tuning';
import { narrowing } from './clues';
import { ledger } from './effects';
import { onCall } from './rotation';

/** Minutes to acknowledge a page: slower asleep, slower exhausted [SLEEP]. */
export function ackDelay(state: SimState, engineer: string, t: Minute): number {
  const e = state.engineers[engineer];
  const base = drawInt(state.streams, `ack:${engineer}`, state.seed, 2, 6);
  const asleep = isNight(localTime(state, engineer, t)) ? 2.5 : 1;
  const tired = 1 + (e?.fatigue ?? 0);
  return Math.round(base * asleep * tired);
}

export function addResponder(state: SimState, inc: Incident, engineer: string): void {
  if (!inc.responders.includes(engineer)) inc.responders.push(engineer);
  const e = state.engineers[engineer];
  if (e && isNight(localTime(state, engineer, state.now))) e.fatigue = clamp01(e.fatigue + 0.04);
}

/** The person who knows the service best, wherever they are: fast, but the hero tires. */
export function expertFor(state: People, service: string): string | null {
  let best: string | null = null;
  let bestK = -1;
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    const k = e.knowledge[service] ?? 0;
    if (k > bestK) {
      best = id;
      bestK = k;
    }
  }
  return best;
}

export function escalateToExpert(state: SimState, inc: Incident): string | null {
  const expert = expertFor(state, inc.service);
  if (!expert) return null;
  addResponder(state, inc, expert);
  inc.expertCalled = true;
  const e = state.engineers[expert];
  if (e) {
    e.heroCalls += 1;
    e.fatigue = clamp01(e.fatigue + 0.08);
  }
  logEvent(state, { type: 'escalated', incident: inc.id, engineer: expert, reason: 'expert' });
  return expert;
}

/**
 * Who a page for this incident can go to, in order: the pager team's primary and secondary, the
 * rest of that team, the other teams' on-call, then anyone still active. Escalation never dead-ends
 * while somebody is left.
 */
export function pageChain(state: Snapshot, inc: Immutable<Incident>): string[] {
  const out: string[] = [];
  const add = (id: string | undefined) => {
    if (id && !out.includes(id) && state.engineers[id]?.status === 'active') out.push(id);
  };
  const crew = onCall(state, inc.pagerTeam, state.now);
  add(crew.primary?.id);
  add(crew.secondary?.id);
  for (const e of activeMembers(state, inc.pagerTeam)) add(e.id);
  for (const team of state.teamOrder) {
    if (team === inc.pagerTeam) continue;
    const other = onCall(state, team, state.now);
    add(other.primary?.id);
    add(other.secondary?.id);
  }
  for (const id of state.engineerOrder) add(id);
  return out;
}

/** The next person to page: the head of the chain, or after a timeout the one after whoever was paged. */
export function nextToPage(state: Snapshot, inc: Immutable<Incident>): string | null {
  const chain = pageChain(state, inc);
  const at = inc.pagedTo === null ? -1 : chain.indexOf(inc.pagedTo);
  return chain[(at + 1) % Math.max(1, chain.length)] ?? null;
}

export function pageSecondary(state: SimState, inc: Incident): string | null {
  const second = onCall(state, inc.pagerTeam, state.now).secondary;
  if (!second || inc.responders.includes(second.id)) return null;
  addResponder(state, inc, second.id);
  logEvent(state, { type: 'escalated', incident: inc.id, engineer: second.id, reason: 'secondary' });
  return second.id;
}

/** Minutes someone from another team needs to join an incident: longer when woken at night [CONWAY]. */
export function joinMinutes(state: Snapshot, engineer: string): number {
  const night = isNight(localTime(state, engineer, state.now));
  return night ? tuning.joinMinutes.night : tuning.joinMinutes.day;
}

/**
 * Another team's on-call joins across team lines: they count as a responder at once, but cannot
 * work the incident until they have found the channel and read the context (busyUntil).
 */
export function pullInTeam(
  state: SimState,
  inc: Incident,
  team: string,
  via: 'player' | 'spread' = 'player',
): string | null {
  const crew = onCall(state, team, state.now);
  const person = crew.primary ?? activeMembers(state, team)[0];
  if (!person) return null;
  const already = inc.responders.includes(person.id);
  addResponder(state, inc, person.id);
  const joinsAt = already ? state.now : state.now + joinMinutes(state, person.id);
  if (!already) person.busyUntil = Math.max(person.busyUntil, joinsAt);
  if (!inc.teamsPulled.includes(team)) inc.teamsPulled.push(team);
  logEvent(state, { type: 'team-pulled-in', incident: inc.id, team, engineer: person.id, joinsAt, via });
  return person.id;
}

export function assignRole(state: SimState, inc: Incident, role: Role, engineer: string): void {
  addResponder(state, inc, engineer);
  inc.roles[role] = engineer;
  const e = state.engineers[engineer];
  if (e && !e.practised.includes(role)) e.practised.push(role);
  logEvent(state, { type: 'role-assigned', incident: inc.id, role, engineer });
}

/** Minutes until another status update would tell customers anything new (0 = now). */
export function statusWait(state: Snapshot, inc: Immutable<Incident>): number {
  if (inc.lastStatusAt === null) return 0;
  return Math.max(0, inc.lastStatusAt + tuning.statusStretchMinutes - state.now);
}

/** A status update keeps customers informed for a stretch of the incident; more in the same stretch adds nothing. */
export function postStatus(state: SimState, inc: Incident): void {
  inc.statusUpdates += 1;
  inc.lastStatusAt = state.now;
  state.customerTrust = clamp01(state.customerTrust + 0.002);
  ledger(state).statusUpdatesHeard += 1;
  logEvent(state, { type: 'status-posted', incident: inc.id });
}

/** Hand an incident to someone fresh; without an acknowledged handoff, context is lost. */
export function handOff(state: SimState, inc: Incident, to: string, acknowledged: boolean): void {
  const from = inc.roles.ops ?? inc.pagedTo ?? inc.responders[0] ?? to;
  inc.responders = inc.responders.filter((r) => r !== from);
  addResponder(state, inc, to);
  if (inc.roles.ops === from) inc.roles.ops = to;
  if (inc.pagedTo === from) inc.pagedTo = to;
  // Whatever the leaving person was still looking at goes unfinished; they are free again.
  if (inc.inquiries.some((q) => q.by === from)) {
    inc.inquiries = inc.inquiries.filter((q) => q.by !== from);
    const leaving = state.engineers[from];
    if (leaving) leaving.busyUntil = Math.min(leaving.busyUntil, state.now);
  }
  if (!acknowledged) loseClues(state, inc, from, to);
  inc.handoffs.push({ at: state.now, from, to, acknowledged });
  logEvent(state, { type: 'handoff', incident: inc.id, from, to, acknowledged });
}

/**
 * Without a proper handoff, what the leaving person found leaves with them: half of their clues within
 * a team, all of them across team lines, where nobody shares their context [CONWAY].
 */
function loseClues(state: SimState, inc: Incident, from: string, to: string): void {
  const theirs = inc.clues.filter((c) => c.by === from);
  if (theirs.length === 0) return;
  const acrossTeams = state.engineers[from]?.team !== state.engineers[to]?.team;
  const kept = acrossTeams ? 0 : Math.floor(theirs.length * tuning.handoffCluesKept);
  const keep = new Set(theirs.slice(0, kept));
  inc.clues = inc.clues.filter((c) => c.by !== from || keep.has(c));
  inc.progress = narrowing(inc);
  logEvent(state, { type: 'clues-lost', incident: inc.id, engineer: from, lost: theirs.length - kept });
}
