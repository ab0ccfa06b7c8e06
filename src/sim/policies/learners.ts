import { MINUTES_PER_WEEK } from '../clock';
import type { Command } from '../commands';
import { activeMembers, busFactor } from '../model/world';
import { isGuarded } from '../rules/effects';
import { loadOf } from '../rules/pressure';
import { conditionRisk, serviceImpact } from '../rules/risk';
import type { Policy } from '../simulation';
import { carefulResponse, retroCommands, type Seen, type Snap, setFocusOnce } from './helpers';
import { investLikeALearner } from './investing';

/**
 * The honest learners: three ways a team that learns might play. Everything else is there to try to beat
 * them; the balance table and the tests keep them ahead.
 */

/** A fire worth the deepest review: last week's, a bad one, a spreading one, one customers found, or a repeat. */
export const worthDeepReview = (s: Snap, inc: Seen) =>
  inc.prior === true ||
  inc.sev <= 2 ||
  inc.affected.length > 1 ||
  inc.detectedBy === 'customer' ||
  (s.conditions[inc.conditionId ?? '']?.fired ?? 0) > 1;

/**
 * Reviews each near miss as it is reported; once the review has named its weakness, guards it (unless an
 * item is on it or it is guarded already).
 */
export function reviewNearMisses(s: Snap): Command[] {
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
      preferGuard: 'always',
    }),
  );
  out.push(...reviewNearMisses(s));
  if (s.now % MINUTES_PER_WEEK === 10 * 60) out.push(...weeklyLearning(s));
  out.push(...guardThenRemove(s, 2));
  out.push(...investLikeALearner(s));
  return out;
};

/**
 * Acts on what the organization already knows: a known, live weakness with no item on it gets one
 * (removed if it has fired, else guarded first and removed once guarded; with `guardFirst`, guarded first
 * either way), the riskiest first, a few open at a time.
 */
export function actOnKnownRisks(s: Snap, atOnce: number, guardFirst = false): Command[] {
  if (s.openItems.length >= atOnce) return [];
  const covered = new Set(s.openItems.map((id) => s.actionItems[id]?.conditionId));
  return (
    Object.values(s.conditions)
      .filter((c) => c.strength > 0 && c.origin !== 'injected' && !covered.has(c.id))
      .map((c) => ({ c, risk: conditionRisk(s, c) }))
      // Not worth an item: under a hundredth of a point of harm a week.
      .filter((x) => x.risk > 0.01)
      .sort((a, b) => b.risk - a.risk)
      .slice(0, atOnce - s.openItems.length)
      .map(
        ({ c }) =>
          ({
            type: 'fileActionItem',
            condition: c.id,
            actionType: isGuarded(c) || (c.fired > 0 && !guardFirst) ? 'prevent' : 'mitigate',
          }) as Command,
      )
  );
}

/**
 * Guards every known, live weakness at once (a guard closes in hours and takes most of the danger away),
 * then removes the guarded ones, the riskiest first, a few at a time.
 */
export function guardThenRemove(s: Snap, removalsAtOnce: number): Command[] {
  const covered = new Set(s.openItems.map((id) => s.actionItems[id]?.conditionId));
  const live = Object.values(s.conditions).filter(
    (c) => c.strength > 0 && c.origin !== 'injected' && !covered.has(c.id),
  );
  const out: Command[] = live
    .filter((c) => !isGuarded(c))
    .map((c) => ({ type: 'fileActionItem', condition: c.id, actionType: 'mitigate' }) as Command);
  const removing = s.openItems.filter((id) => s.actionItems[id]?.type === 'prevent').length;
  if (removing >= removalsAtOnce) return out;
  const worth = live
    .filter((c) => isGuarded(c))
    .map((c) => ({ c, risk: conditionRisk(s, c) }))
    .filter((x) => x.risk > 0.01)
    .sort((a, b) => b.risk - a.risk)
    .slice(0, removalsAtOnce - removing);
  for (const { c } of worth) out.push({ type: 'fileActionItem', condition: c.id, actionType: 'prevent' });
  return out;
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
export function shadowTheThinnest(s: Snap): Command[] {
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
      preferGuard: 'always',
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
  out.push(...guardThenRemove(s, 1));
  out.push(...investLikeALearner(s));
  return out;
};

/**
 * A careful human table, as a facilitator sees many: a retro on most incidents (not on a minor one that
 * alerts caught and that was over quickly), blameless, deep where it pays and led by someone who was not in
 * it; one or two items from each (the weakness that gave way, removed, and another the retro found,
 * guarded); known weaknesses worked on three at a time; near misses reviewed; a drill only every other week;
 * no shadowing programme.
 */
export const carefulHuman: Policy = (s) => {
  const out: Command[] = [...setFocusOnce(s, 0.3), ...carefulResponse(s)];
  out.push(
    ...retroCommands(s, {
      depthFor: (snap, inc) =>
        worthDeepReview(snap, inc)
          ? 'deep'
          : inc.sev >= 4 && inc.detectedBy === 'alert' && (inc.resolvedAt ?? 0) - inc.startedAt < 45
            ? null
            : 'quick',
      framing: 'blameless',
      share: true,
      items: 2,
      uninvolvedFacilitator: true,
      preferGuard: true,
      onlyWeaknesses: true,
    }),
  );
  for (const nm of Object.values(s.nearMisses)) if (!nm.reviewed) out.push({ type: 'reviewNearMiss', nearMiss: nm.id });
  if (s.now % (2 * MINUTES_PER_WEEK) === 10 * 60) {
    // Every other Monday, one drill, on the service that has burned most often.
    const fired = (id: string) => s.incidentOrder.filter((i) => s.incidents[i]?.service === id).length;
    const service = [...s.serviceOrder].sort((a, b) => fired(b) - fired(a))[0];
    const team = service ? s.services[service]?.team : undefined;
    if (service && team) out.push({ type: 'runDrill', team, service });
  }
  out.push(...actOnKnownRisks(s, 3));
  out.push(...investLikeALearner(s));
  return out;
};

/**
 * A quicker learner: guards every weakness it knows, once each, with quick blameless retros. It began as a farmer
 * that re-mitigated the same weaknesses over and over; once a second guard on a weakness was refused, what was
 * left is real learning, bought cheaply: a guard on each known weakness. It is not held to the honest learners'
 * bar, and it is not one of the bots they must beat: it closes real weaknesses and prevents incidents.
 */
export const guardWhatItKnows: Policy = (s) => {
  const out: Command[] = [
    ...carefulResponse(s),
    ...retroCommands(s, {
      depthFor: () => 'quick',
      framing: 'blameless',
      share: false,
      items: 0,
      uninvolvedFacilitator: false,
    }),
  ];
  // Asks only for what the screen would take: a live known weakness with no open item that is not guarded yet.
  const covered = new Set(s.openItems.map((id) => s.actionItems[id]?.conditionId));
  for (const c of Object.values(s.conditions)) {
    if (c.strength > 0 && !covered.has(c.id) && !isGuarded(c))
      out.push({ type: 'fileActionItem', condition: c.id, actionType: 'mitigate' });
  }
  return out;
};

export const learnerDescriptions: Record<string, string> = {
  'learning-first': 'careful response, blameless retros (deep where it pays), closes and shares, drills, shadows',
  'steady-learner':
    'blameless retros led by someone not involved (deep where it pays), guard items first, near-miss fixes, shared write-ups, shadowing, one drill a week',
  'careful-human':
    'a careful human table: a retro on most incidents, one or two items each, known weaknesses three at a time, near misses reviewed, a drill every other week',
  'guard-what-it-knows':
    'a quicker learner: guards every weakness it knows, once each (a second guard is refused), with quick blameless retros',
};
