import { MINUTES_PER_WEEK } from '../clock';
import type { Command } from '../commands';
import { CONDITION_KINDS, MITIGATIONS } from '../model/types';
import { activeMembers } from '../model/world';
import { plansFor } from '../rules/actionItems';
import { candidateClasses } from '../rules/clues';
import { mitigationHarms } from '../rules/incident';
import { expertFor } from '../rules/response';
import { surfacedFactors } from '../rules/retro';
import type { Policy } from '../simulation';
import {
  ackPages,
  carefulResponse,
  investigateThenFix,
  restartThenHero,
  retroCommands,
  type Seen,
  visibleIncidents,
} from './helpers';

/**
 * Bots that try to game the score, written against the public API only (snapshots in, commands
 * out). The score must rank every one of them below an honest learner; tests keep it so.
 */

const blamelessQuick = { framing: 'blameless' as const, share: false, items: 0, uninvolvedFacilitator: false };

/** Files the cheapest item for every factor of every retro, whatever it would change. */
export const farmCheapItems: Policy = (s) => {
  const out: Command[] = [...carefulResponse(s), ...retroCommands(s, { ...blamelessQuick, depthFor: () => 'deep' })];
  for (const id of s.unpublishedRetros) {
    const retro = s.retros[id];
    if (retro?.phase !== 'actions') continue;
    for (const f of surfacedFactors(retro)) {
      const kind = f.conditionId ? (s.conditions[f.conditionId]?.kind ?? null) : null;
      const cheapest = [...plansFor(f.key, f.service, kind, s)].sort((a, b) => a.costDays - b.costDays)[0];
      if (cheapest) out.unshift({ type: 'fileActionItem', retro: retro.id, factor: f.id, actionType: cheapest.type });
    }
  }
  return out;
};

const pending = (inc: Seen) => inc.attempts.some((a) => a.outcome === 'pending');

/** A fix that would make things worse for some class the clues still leave open. */
const likelyHarmful = (inc: Seen) => {
  const open = candidateClasses(inc);
  return MITIGATIONS.find((m) => open.some((k) => mitigationHarms(k, m)));
};

/** Makes incidents worse on purpose (wrong mitigations, no commander, lost handoffs) to surface more factors. */
export const worsenForFactors: Policy = (s) => {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating' || pending(inc)) continue;
    const harmful = likelyHarmful(inc);
    const tried = new Set(inc.attempts.map((a) => a.action));
    const wrong = MITIGATIONS.find((m) => !tried.has(m) && m !== 'rollback');
    if (harmful && !tried.has(harmful)) out.push({ type: 'mitigate', incident: inc.id, action: harmful });
    else if (inc.attempts.length < 2 && wrong) out.push({ type: 'mitigate', incident: inc.id, action: wrong });
    else
      out.push(
        ...restartThenHero(s).filter((c) => c.type !== 'acknowledge' && 'incident' in c && c.incident === inc.id),
      );
    const other = activeMembers(s, inc.pagerTeam).find((e) => !inc.responders.includes(e.id));
    if (other && inc.handoffs.length === 0)
      out.push({ type: 'handOff', incident: inc.id, to: other.id, acknowledged: false });
  }
  return [...out, ...farmCheapItems(s).filter((c) => c.type !== 'mitigate' && c.type !== 'acknowledge')];
};

/** Posts a status update at every look, and learns nothing. */
export const statusSpam: Policy = (s) => [
  ...restartThenHero(s),
  ...visibleIncidents(s).map((inc) => ({ type: 'postStatus', incident: inc.id }) as Command),
];

/** Drills every team on every service every week, shadows everyone, reviews every near miss; fixes nothing. */
export const drillSpam: Policy = (s) => {
  const out: Command[] = [...restartThenHero(s)];
  for (const team of s.teamOrder) {
    // A team drills once a week: the first service is the one the screen takes.
    const last = s.teams[team]?.lastDrillAt ?? null;
    const first = s.serviceOrder[0];
    if (first && (last === null || s.now - last >= MINUTES_PER_WEEK))
      out.push({ type: 'runDrill', team, service: first });
    const members = activeMembers(s, team);
    members.forEach((e, i) => {
      const mentor = members[(i + 1) % members.length];
      if (mentor && mentor.id !== e.id && e.shadowing !== mentor.id)
        out.push({ type: 'setShadow', engineer: e.id, mentor: mentor.id });
    });
  }
  for (const nm of Object.values(s.nearMisses)) if (!nm.reviewed) out.push({ type: 'reviewNearMiss', nearMiss: nm.id });
  return out;
};

/** Holds no retro until the last two days of the round, then crams them all in. */
export const cramRetrosLate: Policy = (s) => {
  const out: Command[] = carefulResponse(s);
  if (s.now < s.weeks * MINUTES_PER_WEEK - 2 * 24 * 60) return out;
  for (const id of s.awaitingRetro) out.push({ type: 'scheduleRetro', incident: id });
  const late = retroCommands(s, {
    depthFor: () => 'deep',
    framing: 'blameless',
    share: true,
    items: 3,
    uninvolvedFacilitator: true,
  }).filter((c) => c.type !== 'scheduleRetro');
  return [...out, ...late];
};

/**
 * Sets a fire from its own screen every day, then holds deep retros on them and files items: a table's own
 * fire is staged, so it burns only here, teaches nobody and never reaches the never-learning replay.
 */
export const injectAndReview: Policy = (s) => {
  const out: Command[] = [
    ...carefulResponse(s),
    ...retroCommands(s, {
      depthFor: () => 'deep',
      framing: 'blameless',
      share: true,
      items: 3,
      uninvolvedFacilitator: true,
    }),
  ];
  if (s.now % (24 * 60) === 10 * 60 && s.openIncidents.length === 0) {
    const day = Math.floor(s.now / (24 * 60));
    const service = s.serviceOrder[day % s.serviceOrder.length] ?? '';
    out.push({ type: 'injectIncident', service, kind: CONDITION_KINDS[day % CONDITION_KINDS.length] ?? 'capacity' });
  }
  return out;
};

/**
 * Responds as fast as clues allow — the secondary and the expert at once, everyone looking at a different
 * thing, the expert asked, the fix as soon as the clues agree — and never learns. (It used to read the
 * true class; a bot sees what a player sees.)
 */
export const perfectResponder: Policy = (s) => {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating') continue;
    if (inc.responders.length < 2) out.push({ type: 'pageSecondary', incident: inc.id });
    if (!inc.expertCalled) out.push({ type: 'escalateToExpert', incident: inc.id });
    if (!inc.roles.comms && inc.pagedTo)
      out.push({ type: 'assignRole', incident: inc.id, role: 'comms', engineer: inc.pagedTo });
    const hero = expertFor(s, inc.service);
    const ask: Command | null = hero ? { type: 'investigate', incident: inc.id, step: 'expert', engineer: hero } : null;
    const asked = inc.clues.some((c) => c.step === 'expert') || inc.inquiries.some((q) => q.step === 'expert');
    if (ask && !asked && s.can(ask).ok) out.push(ask);
    out.push(...investigateThenFix(s, inc));
  }
  return out;
};

/** Deep retros that end in blame, with items filed: looks rigorous, breaks trust. */
export const blameDeep: Policy = (s) => [
  ...carefulResponse(s),
  ...retroCommands(s, { depthFor: () => 'deep', framing: 'blame', share: true, items: 3, uninvolvedFacilitator: true }),
];

/** Files items for everything but gives no time to close them. */
export const itemHoarder: Policy = (s) => {
  const out: Command[] =
    s.now === 0 ? s.teamOrder.map((team) => ({ type: 'setTeamFocus', team, reliabilityShare: 0 }) as Command) : [];
  return [
    ...out,
    ...carefulResponse(s),
    ...retroCommands(s, {
      depthFor: () => 'deep',
      framing: 'blameless',
      share: false,
      items: 4,
      uninvolvedFacilitator: true,
    }),
  ];
};

export const adversarialPolicies: Record<string, Policy> = {
  'farm-cheap-items': farmCheapItems,
  'worsen-for-factors': worsenForFactors,
  'status-spam': statusSpam,
  'drill-spam': drillSpam,
  'cram-retros-late': cramRetrosLate,
  'inject-and-review': injectAndReview,
  'perfect-responder': perfectResponder,
  'blame-deep': blameDeep,
  'item-hoarder': itemHoarder,
};

export const adversarialDescriptions: Record<string, string> = {
  'farm-cheap-items': 'files the cheapest item for every factor of every retro',
  'worsen-for-factors': 'makes incidents worse on purpose to surface more factors, then farms items',
  'status-spam': 'posts a status update at every look; never learns',
  'drill-spam': 'drills every service every week, shadows everyone, reviews near misses; fixes nothing',
  'cram-retros-late': 'holds every retro in the last two days of the round',
  'inject-and-review': 'sets a fire from its own screen daily and reviews it (staged: burns only here, teaches nobody)',
  'perfect-responder':
    'responds as fast as clues allow: every hand and the expert at once, the fix as soon as the clues agree; never learns',
  'blame-deep': 'deep retros that end in blame, items filed',
  'item-hoarder': 'files items for everything, gives no time to close them',
};
