import { MINUTES_PER_WEEK } from '../clock';
import type { Command } from '../commands';
import { activeMembers, busFactor } from '../model/world';
import { isGuarded } from '../rules/effects';
import { loadOf } from '../rules/pressure';
import { conditionRisk, serviceImpact } from '../rules/risk';
import { pagerTeams } from '../rules/rotation';
import type { Policy } from '../simulation';
import { adversarialDescriptions, adversarialPolicies } from './adversarial';
import {
  ackPages,
  carefulResponse,
  restartThenHero,
  retroCommands,
  type Seen,
  type Snap,
  setFocusOnce,
  visibleIncidents,
} from './helpers';
import { investInFeatures, investLikeALearner } from './investing';

/** Never learns: restarts or calls the hero, holds no retros. */
export const baseline: Policy = (s) => restartThenHero(s);

/** Responds well, but holds no retros. */
export const careful: Policy = (s) => carefulResponse(s);

/** One hero carries every pager; responds carefully. */
export const heroOnCall: Policy = (s) => {
  const out: Command[] = [];
  if (s.now === 0) {
    for (const team of pagerTeams(s)) {
      const members = activeMembers(s, team);
      const hero = members[0];
      const second = members[1] ?? hero;
      if (!hero || !second) continue;
      out.push({
        type: 'setRotation',
        team,
        weeks: Array.from({ length: s.weeks }, () => ({ primary: hero.id, secondary: second.id })),
      });
    }
  }
  return [...out, ...carefulResponse(s), ...investInFeatures(s)];
};

/** A fire worth the deepest review: last week's, a bad one, a spreading one, one customers found, or a repeat. */
const worthDeepReview = (s: Snap, inc: Seen) =>
  inc.prior === true ||
  inc.sev <= 2 ||
  inc.affected.length > 1 ||
  inc.detectedBy === 'customer' ||
  (s.conditions[inc.conditionId ?? '']?.fired ?? 0) > 1;

/**
 * Reviews each near miss as it is reported; once the review has named its weakness, guards it (unless an
 * item is on it or it is guarded already).
 */
function reviewNearMisses(s: Snap): Command[] {
  const out: Command[] = [];
  for (const nm of Object.values(s.nearMisses)) {
    if (!nm.reviewed) out.push({ type: 'reviewNearMiss', nearMiss: nm.id });
    else if (nm.conditionId && nm.at >= s.now - 60) {
      const c = s.conditions[nm.conditionId];
      if (c && c.strength > 0 && !isGuarded(c))
        out.push({ type: 'fileActionItem', condition: c.id, actionType: 'mitigate' });
    }
  }
  return out;
}

/** Learning first: blameless retros (deep where it pays), closes items, shares, shadows, reviews near misses. */
export const learningFirst: Policy = (s) => {
  const out: Command[] = [...setFocusOnce(s, 0.35), ...carefulResponse(s)];
  out.push(
    ...retroCommands(s, {
      depthFor: (snap, inc) => (worthDeepReview(snap, inc) ? 'deep' : 'quick'),
      framing: 'blameless',
      share: true,
      items: 4,
      uninvolvedFacilitator: true,
      preferGuard: true,
    }),
  );
  out.push(...reviewNearMisses(s));
  if (s.now % MINUTES_PER_WEEK === 10 * 60) out.push(...weeklyLearning(s));
  out.push(...actOnKnownRisks(s, 3));
  out.push(...investLikeALearner(s));
  return out;
};

/**
 * Acts on what the organization already knows: a known, live weakness with no item on it gets one
 * (removed if it has fired, else guarded first and removed once guarded), the riskiest first, a few
 * open at a time.
 */
function actOnKnownRisks(s: Snap, atOnce: number): Command[] {
  const open = Object.values(s.actionItems).filter((a) => a.status === 'open');
  if (open.length >= atOnce) return [];
  const covered = new Set(open.map((a) => a.conditionId));
  return Object.values(s.conditions)
    .filter((c) => c.revealed && c.strength > 0 && c.origin !== 'injected' && !covered.has(c.id))
    .map((c) => ({ c, risk: conditionRisk(s, c) }))
    .filter((x) => x.risk > 0.5)
    .sort((a, b) => b.risk - a.risk)
    .slice(0, atOnce - open.length)
    .map(
      ({ c }) =>
        ({
          type: 'fileActionItem',
          condition: c.id,
          actionType: isGuarded(c) || c.fired > 0 ? 'prevent' : 'mitigate',
        }) as Command,
    );
}

/** Once a week: a game-day drill on each team's most exposed service, and shadows for the least experienced. */
function weeklyLearning(s: Snap): Command[] {
  const out: Command[] = [];
  for (const team of s.teamOrder) {
    const target = mostExposedService(s, team);
    if (target) out.push({ type: 'runDrill', team, service: target });
  }
  return [...out, ...shadowTheThinnest(s)];
}

/**
 * Where a team's drill would find most, judged by what a player can see: what an outage would cost
 * customers, the load it carries and how long since anyone looked at it.
 */
function mostExposedService(s: Snap, team: string): string | undefined {
  const exposure = (id: string) => {
    const svc = s.services[id];
    if (!svc) return 0;
    const weeksUnseen = Math.max(0, s.now - svc.lastTouchedAt) / MINUTES_PER_WEEK;
    return serviceImpact(s, id) * loadOf(s, id, s.now) * (1 + weeksUnseen);
  };
  return s.serviceOrder.filter((id) => s.services[id]?.team === team).sort((a, b) => exposure(b) - exposure(a))[0];
}

function thinnestService(s: Snap, team: string): string | undefined {
  const owned = s.serviceOrder.filter((id) => s.services[id]?.team === team);
  return [...owned].sort((a, b) => busFactor(s, a) - busFactor(s, b))[0];
}

/** The least experienced person on each team shadows whoever knows its thinnest service best. */
function shadowTheThinnest(s: Snap): Command[] {
  const out: Command[] = [];
  for (const team of s.teamOrder) {
    const thinnest = thinnestService(s, team);
    const members = activeMembers(s, team);
    if (members.length < 2 || !thinnest) continue;
    const byK = [...members].sort((a, b) => (a.knowledge[thinnest] ?? 0) - (b.knowledge[thinnest] ?? 0));
    const novice = byK[0];
    const mentor = byK[byK.length - 1];
    if (novice && mentor && novice.shadowing !== mentor.id)
      out.push({ type: 'setShadow', engineer: novice.id, mentor: mentor.id });
  }
  return out;
}

/**
 * A second honest learner, different from learning-first: blameless reviews led by someone
 * not involved (deep only where it pays), fewer items with guards first (prevent where it fired
 * twice), near-miss fixes, shadowing and a single weekly drill where knowledge is thinnest.
 */
export const steadyLearner: Policy = (s) => {
  const out: Command[] = [...setFocusOnce(s, 0.3), ...carefulResponse(s)];
  out.push(
    ...retroCommands(s, {
      depthFor: (snap, inc) => (worthDeepReview(snap, inc) ? 'deep' : 'quick'),
      framing: 'blameless',
      share: true,
      items: 3,
      uninvolvedFacilitator: true,
      preferGuard: true,
    }),
  );
  out.push(...reviewNearMisses(s));
  if (s.now % MINUTES_PER_WEEK === 10 * 60) {
    out.push(...shadowTheThinnest(s));
    // One drill a week, for whichever team's service is thinnest of all.
    const service = [...s.serviceOrder].sort((a, b) => busFactor(s, a) - busFactor(s, b))[0];
    const team = service ? s.services[service]?.team : undefined;
    if (service && team) out.push({ type: 'runDrill', team, service });
  }
  out.push(...actOnKnownRisks(s, 2));
  out.push(...investLikeALearner(s));
  return out;
};

/** Degenerate bots that try to game the score. */
export const doNothing: Policy = () => [];

export const alwaysBlame: Policy = (s) => [
  ...carefulResponse(s),
  ...retroCommands(s, {
    depthFor: () => 'quick',
    framing: 'blame',
    share: false,
    items: 1,
    uninvolvedFacilitator: false,
  }),
];

export const heroEverything: Policy = (s) => {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase === 'investigating' && !inc.expertCalled) out.push({ type: 'escalateToExpert', incident: inc.id });
  }
  return [...out, ...restartThenHero(s).filter((c) => c.type !== 'acknowledge')];
};

export const retroSpam: Policy = (s) => [
  ...restartThenHero(s),
  ...retroCommands(s, {
    depthFor: () => 'deep',
    framing: 'blameless',
    share: true,
    items: 0,
    uninvolvedFacilitator: false,
  }),
];

/** Everything for the uptime number: all capacity on features, the expert and the secondary on every page at once. */
export const ninesFirst: Policy = (s) => {
  const out: Command[] = [...setFocusOnce(s, 0), ...ackPages(s)];
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating') continue;
    if (!inc.expertCalled) out.push({ type: 'escalateToExpert', incident: inc.id });
    if (inc.responders.length < 3) out.push({ type: 'pageSecondary', incident: inc.id });
  }
  return [
    ...out,
    ...carefulResponse(s).filter((c) => c.type === 'mitigate' || c.type === 'investigate'),
    ...investInFeatures(s),
  ];
};

export const policies: Record<string, Policy> = {
  ...adversarialPolicies,
  baseline,
  careful,
  'hero-on-call': heroOnCall,
  'learning-first': learningFirst,
  'steady-learner': steadyLearner,
  'do-nothing': doNothing,
  'always-blame': alwaysBlame,
  'hero-everything': heroEverything,
  'retro-spam': retroSpam,
  'nines-first': ninesFirst,
};

export const policyDescriptions: Record<string, string> = {
  ...adversarialDescriptions,
  'steady-learner':
    'blameless retros led by the responders (deep where it pays), guard items first, near-miss fixes, shared write-ups, shadowing, one drill a week',
  baseline: 'never learns: restarts first, then calls the hero and does what the hero says; holds no retros',
  careful: 'assigns roles, posts status, investigates and applies the fix the clues point to; holds no retros',
  'hero-on-call': 'one person carries every pager every week; responds carefully',
  'learning-first': 'careful response, blameless retros (deep where it pays), closes and shares, drills, shadows',
  'do-nothing': 'never touches anything',
  'always-blame': 'careful response, then a quick retro that blames the person paged',
  'hero-everything': 'calls the expert for every incident',
  'retro-spam': 'holds a deep retro for every incident and files nothing',
  'nines-first': 'all capacity on features; the expert and the secondary on every page at once',
};
