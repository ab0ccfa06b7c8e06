import type { Immutable } from 'immer';
import { MINUTES_PER_DAY } from '../clock';
import type { Factor, FactorKey, Incident, Retro, RetroDepth, RetroFraming, SimState } from '../model/types';
import { activeMembers, busFactor, clamp01, logEvent, newId, serviceName } from '../model/world';
import { draw } from '../rng';
import { conditionWords } from './actionItems';
import { teamTrust } from './chaos';
import { revealCondition, weakenCondition } from './effects';
import { isStaged } from './stagedFire';

/** "a stale cache", "an unsafe deploy path": the article follows the sound of the next word. */
const aOrAn = (words: string) => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Every contributing factor an incident had, known or not. There is never a
 * single root cause [COOK]; depth says how hard each is to surface [HOWIE].
 */
export function factorsOf(state: SimState, inc: Incident): Omit<Factor, 'id' | 'hidden'>[] {
  const out: Omit<Factor, 'id' | 'hidden'>[] = [];
  const name = serviceName(state, inc.service);
  const add = (key: FactorKey, depth: number, text: string, conditionId: string | null = null, service = inc.service) =>
    out.push({ key, depth, text, conditionId, service });
  // A fire the table staged itself teaches nobody: its review finds only that it was staged.
  if (isStaged(state, inc.conditionId)) {
    add('condition', 1, `The ${conditionWords(inc.kind)} failure was staged by the table: nothing real to remove.`);
    return out;
  }
  add('condition', 1, `${capital(aOrAn(conditionWords(inc.kind)))} in ${name} gave way under load.`, inc.conditionId);
  if (inc.recentDeploy) add('recent-deploy', 1, `A deploy to ${name} had gone out within the day.`);
  if (inc.detectedBy === 'customer') add('late-alert', 1, `Customers noticed before any alert fired.`);
  if (inc.attempts.some((a) => a.outcome === 'wasted' || a.outcome === 'worse'))
    add('wrong-mitigation', 1, `A first mitigation did not fit the failure and cost time.`);
  const svc = state.services[inc.service];
  if (svc && svc.runbook < 0.5) add('runbook-stale', 2, `The ${name} runbook was out of date.`);
  if (busFactor(state, inc.service) < 2) add('single-knower', 2, `Only one person really knew ${name}.`);
  if (inc.expertCalled) add('hero', 2, `The fix waited on one expert; nobody else learned how.`);
  const teams = new Set(inc.responders.map((r) => state.engineers[r]?.team));
  if (teams.size > 1) add('cross-team', 2, `Responders from ${teams.size} teams had to coordinate across team lines.`);
  if (inc.handoffs.some((h) => !h.acknowledged))
    add('handoff-lost', 2, `A handoff with no acknowledgement lost context.`);
  if (inc.responders.some((r) => (state.engineers[r]?.fatigue ?? 0) > 0.6))
    add('fatigue', 3, `The responder was running on too little sleep.`);
  if (inc.responders.length >= 3 && !inc.roles.commander)
    add('freelancing', 3, `With no incident commander, people freelanced.`);
  for (const c of Object.values(state.conditions)) {
    if (
      c.service === inc.service &&
      c.id !== inc.conditionId &&
      c.strength > 0 &&
      !c.revealed &&
      c.origin !== 'injected'
    )
      add('sibling-condition', 3, `${name} also hides ${aOrAn(conditionWords(c.kind))} nobody had looked at.`, c.id);
  }
  return out;
}

export function scheduleRetro(state: SimState, inc: Incident): Retro {
  const id = newId(state, 'retro');
  const retro: Retro = {
    id,
    incidentId: inc.id,
    nearMissId: null,
    phase: 'scheduled',
    scheduledAt: state.now,
    depth: null,
    facilitator: null,
    facilitatorInvolved: false,
    framing: null,
    blamed: null,
    factors: [],
    actionItems: [],
    shared: false,
    costHours: 0,
  };
  state.retros[id] = retro;
  inc.retroId = id;
  logEvent(state, { type: 'retro-scheduled', retro: id, incident: inc.id });
  return retro;
}

/** A retro moved on a step (the machine has already moved it). */
export function stepRetro(state: SimState, retro: Retro): void {
  logEvent(state, { type: 'retro-step', retro: retro.id, phase: retro.phase });
}

/** How deep the review digs: quick sees the obvious; a deep review led by someone uninvolved sees most [HOWIE]. */
export function reachOf(depth: RetroDepth, involved: boolean): number {
  if (depth === 'quick') return 1;
  return involved ? 2 : 3;
}

/**
 * How much of an incident people still remember when the review happens: learning while memories
 * are fresh. Full for a day, then fading; a week later only the obvious is left [HOWIE].
 */
export function memoryOf(delayMinutes: number): number {
  const days = Math.max(0, delayMinutes) / MINUTES_PER_DAY;
  return days <= 1 ? 1 : Math.max(0.15, 1 - (days - 1) / 6);
}

/**
 * Interviews: reveal factors up to the reach of the review. Where trust is low,
 * people keep some of what they know to themselves [ALLSPAW12].
 */
export function interview(state: SimState, retro: Retro, depth: RetroDepth, facilitator: string): void {
  const inc = retro.incidentId ? state.incidents[retro.incidentId] : undefined;
  if (!inc) return;
  const involved = inc.responders.includes(facilitator);
  retro.depth = depth;
  retro.facilitator = facilitator;
  retro.facilitatorInvolved = involved;
  const reach = reachOf(depth, involved);
  const team = state.services[inc.service]?.team ?? '';
  const trust = teamTrust(state, team);
  const fresh = memoryOf(state.now - (inc.resolvedAt ?? state.now));
  retro.factors = factorsOf(state, inc).map((f, i) => {
    const tooDeep = f.depth > reach;
    const kept = f.depth > 1 && draw(state.streams, `retro:${team}`, state.seed) > (trust + 0.25) * fresh;
    return { ...f, id: `${retro.id}-f${i}`, hidden: tooDeep || kept };
  });
  const people = new Set([...inc.responders, facilitator]);
  retro.costHours = (depth === 'deep' ? 4 : 1) * Math.max(2, people.size);
  const t = state.teams[team];
  if (t) t.owedHours += retro.costHours;
  logEvent(state, { type: 'retro-depth', retro: retro.id, depth, facilitator });
}

/**
 * Framing. Blame looks decisive and costs trust, near-miss reports and the
 * culture; blameless framing does the reverse [ALLSPAW12, DORA].
 */
export function frameRetro(state: SimState, retro: Retro, framing: RetroFraming, blamed: string | null): void {
  retro.framing = framing;
  retro.blamed = framing === 'blame' ? blamed : null;
  const inc = retro.incidentId ? state.incidents[retro.incidentId] : undefined;
  const teamId = inc ? (state.services[inc.service]?.team ?? '') : '';
  const team = state.teams[teamId];
  const members = activeMembers(state, teamId);
  if (framing === 'blame') {
    for (const e of members) e.trust = clamp01(e.trust - 0.12);
    const b = blamed ? state.engineers[blamed] : undefined;
    if (b) {
      b.trust = clamp01(b.trust - 0.2);
      b.morale = clamp01(b.morale - 0.2);
    }
    if (team) team.culture = clamp01(team.culture - 0.1);
  } else {
    const late = inc ? memoryOf(state.now - (inc.resolvedAt ?? state.now)) : 1;
    // A fire the table staged itself teaches nobody: reviewing it builds no trust.
    const staged = inc && isStaged(state, inc.conditionId) ? 0 : 1;
    const deep = (retro.depth === 'deep' ? 1.5 : 1) * late * staged;
    // Trust grows less the more of it there already is: repeated retros have diminishing returns.
    for (const e of members) e.trust = clamp01(e.trust + 0.1 * deep * (1 - e.trust));
    if (team) team.culture = clamp01(team.culture + 0.03 * deep);
  }
  logEvent(state, { type: 'retro-framed', retro: retro.id, framing, blamed: retro.blamed });
}

/** The factors a retro surfaced: under blame, people stop volunteering the deeper ones. */
export function surfacedFactors<R extends Immutable<Retro>>(retro: R): R['factors'][number][] {
  return retro.factors.filter((f) => !f.hidden && !(retro.framing === 'blame' && f.depth > 1));
}

/** Publishing makes the learning count; sharing org-wide lets other teams find the same class of condition. */
export function publishRetro(state: SimState, retro: Retro, share: boolean): void {
  retro.shared = share;
  state.totals.retros += 1;
  let revealed = 0;
  for (const f of surfacedFactors(retro)) {
    const key = `${f.key}:${f.service}:${f.conditionId ?? ''}`;
    if (!state.totals.factorsSurfaced.includes(key)) state.totals.factorsSurfaced.push(key);
    logEvent(state, { type: 'factor-surfaced', retro: retro.id, factor: f.id, text: f.text });
    const c = f.conditionId ? state.conditions[f.conditionId] : undefined;
    if (c) revealCondition(state, c);
  }
  // A write-up that names a culprit teaches other teams little: only blameless retros spread their lessons.
  if (share && retro.framing !== 'blame') {
    state.totals.retrosShared += 1;
    const kinds = new Set(
      surfacedFactors(retro)
        .map((f) => (f.conditionId ? state.conditions[f.conditionId]?.kind : undefined))
        .filter(Boolean),
    );
    const title = `Shared write-up of the ${serviceName(state, state.incidents[retro.incidentId ?? '']?.service ?? '')} retro`;
    for (const c of Object.values(state.conditions)) {
      if (!c.revealed && c.strength > 0 && kinds.has(c.kind)) {
        revealCondition(state, c);
        weakenCondition(state, c, c.strength * 0.85, { by: 'retro', id: retro.id, title });
        revealed += 1;
      }
    }
  }
  logEvent(state, { type: 'retro-published', retro: retro.id, shared: share, revealed });
}
