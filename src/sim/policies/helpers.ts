import type { Immutable } from 'immer';
import type { Command } from '../commands';
import { RETRO_STEPS } from '../machines/retroMachine';
import type { InvestigationStep, Mitigation, Retro, RetroDepth, RetroFraming } from '../model/types';
import { activeMembers } from '../model/world';
import type { IncidentSeen, PlayerView } from '../playerView';
import { diagnosisHint, likeliestFix } from '../rules/clues';
import { isGuarded } from '../rules/effects';
import { expertFor } from '../rules/response';
import { surfacedFactors } from '../rules/retro';
import { onCall } from '../rules/rotation';

/** What a bot is given: the player's view of the world. */
export type Snap = PlayerView;
/** An incident as the player sees it. */
export type Seen = Immutable<IncidentSeen>;

/** The incidents burning that someone has noticed. */
export function visibleIncidents(s: Snap): Seen[] {
  const out: Seen[] = [];
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (inc) out.push(inc);
  }
  return out;
}

/** Answers every page the screen lets the table answer now. */
export function ackPages(s: Snap): Command[] {
  const out: Command[] = [];
  for (const i of visibleIncidents(s)) {
    if (i.phase !== 'paged') continue;
    const ack: Command = { type: 'acknowledge', incident: i.id };
    if (s.can(ack).ok) out.push(ack);
  }
  return out;
}

/** Whether the screen would take a fix now (nothing under way, someone to carry it out). */
const canTry = (s: Snap, inc: Seen, action: Mitigation) => s.can({ type: 'mitigate', incident: inc.id, action }).ok;

const pending = (inc: Seen) => inc.attempts.some((a) => a.outcome === 'pending');

/** The careful order of looking: the plain record first, then what the service's tooling and people offer. */
const LOOK_ORDER: readonly InvestigationStep[] = ['deploys', 'dashboards', 'logs', 'runbook', 'dependency'];

/** Each free responder takes the next step nobody has taken on this incident yet. */
export function nextSteps(s: Snap, inc: Seen): Command[] {
  const taken = new Set<InvestigationStep>([...inc.clues.map((c) => c.step), ...inc.inquiries.map((q) => q.step)]);
  const out: Command[] = [];
  for (const engineer of inc.responders) {
    const step = LOOK_ORDER.find((st) => !taken.has(st));
    if (!step) break;
    const cmd: Command = { type: 'investigate', incident: inc.id, step, engineer };
    if (!s.can(cmd).ok) continue;
    taken.add(step);
    out.push(cmd);
  }
  return out;
}

/**
 * The investigate → infer → choose loop, played through commands: the fix the clues agree on, else
 * more steps, else (every step taken, nothing under way) the likeliest fix not yet tried.
 */
export function investigateThenFix(s: Snap, inc: Seen): Command[] {
  if (inc.phase !== 'investigating' || pending(inc)) return [];
  const hint = diagnosisHint(inc);
  if (hint.recommended && canTry(s, inc, hint.recommended))
    return [{ type: 'mitigate', incident: inc.id, action: hint.recommended }];
  const steps = nextSteps(s, inc);
  if (steps.length > 0 || inc.inquiries.length > 0) return steps;
  // Every step looked at, or nobody left on the incident to look: then a best guess rather than none.
  const allLooked = LOOK_ORDER.every((st) => inc.clues.some((c) => c.step === st));
  const nobody = !inc.responders.some((r) => s.engineers[r]?.status === 'active');
  if (!allLooked && !nobody) return [];
  const guess = likeliestFix(inc, true) ?? likeliestFix(inc, false);
  return guess && canTry(s, inc, guess) ? [{ type: 'mitigate', incident: inc.id, action: guess }] : [];
}

/** What the team does on its own when the response is delegated to it: investigate and fix, nothing else. */
export function teamResponse(s: Snap): Command[] {
  return visibleIncidents(s).flatMap((inc) => investigateThenFix(s, inc));
}

/** A careful responder: roles first, status updates, then investigation and the fix the clues point to. */
export function carefulResponse(s: Snap): Command[] {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating') continue;
    const crew = onCall(s, inc.pagerTeam, s.now);
    if (!inc.roles.commander && crew.secondary && crew.secondary.id !== inc.pagedTo)
      out.push({ type: 'assignRole', incident: inc.id, role: 'commander', engineer: crew.secondary.id });
    if (!inc.roles.ops && inc.pagedTo)
      out.push({ type: 'assignRole', incident: inc.id, role: 'ops', engineer: inc.pagedTo });
    // An update only when it tells customers something new: the rules say when that is.
    const status: Command = { type: 'postStatus', incident: inc.id };
    if (s.can(status).ok) out.push(status);
    out.push(...investigateThenFix(s, inc));
  }
  return out;
}

/** The never-learning reflex: restart it; if that fails call the hero, ask them, and do what they say. */
export function restartThenHero(s: Snap): Command[] {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    // Waits while a fix is under way; with nobody responding it still calls the hero below.
    if (inc.phase !== 'investigating' || pending(inc)) continue;
    if (!inc.attempts.some((a) => a.action === 'restart')) {
      out.push({ type: 'mitigate', incident: inc.id, action: 'restart' });
    } else if (!inc.expertCalled) {
      out.push({ type: 'escalateToExpert', incident: inc.id });
    } else {
      out.push(...heroAnswers(s, inc));
    }
  }
  return out;
}

/** Once the hero is there: ask them, then apply what their clue says (or the likeliest fix left). */
function heroAnswers(s: Snap, inc: Seen): Command[] {
  const hint = diagnosisHint(inc);
  if (hint.recommended && canTry(s, inc, hint.recommended))
    return [{ type: 'mitigate', incident: inc.id, action: hint.recommended }];
  const hero = expertFor(s, inc.service);
  const asked = inc.clues.some((c) => c.step === 'expert') || inc.inquiries.length > 0;
  if (hero && !asked) {
    const ask: Command = { type: 'investigate', incident: inc.id, step: 'expert', engineer: hero };
    // The hero may be busy elsewhere: then wait for them, unless they are not on the incident at all.
    if (s.can(ask).ok) return [ask];
    if (inc.responders.includes(hero)) return [];
  }
  if (inc.inquiries.length > 0) return [];
  const guess = likeliestFix(inc, true) ?? likeliestFix(inc, false);
  return guess ? [{ type: 'mitigate', incident: inc.id, action: guess }] : [];
}

export interface RetroPlan {
  /** Which resolved incidents get a retro, and how deep. */
  depthFor: (s: Snap, inc: Seen) => RetroDepth | null;
  framing: RetroFraming;
  share: boolean;
  /** How many action items to file per retro. */
  items: number;
  uninvolvedFacilitator: boolean;
  /**
   * Guard (mitigate) first: a weakness only found (a sibling, a near miss, a drill), or with 'always' one
   * that has fired too — a guard closes in hours and ends a relapse; removing it comes next. Otherwise a
   * weakness is removed (prevent) at once.
   */
  preferGuard?: boolean | 'always';
  /** Items only on weaknesses (the one that gave way, and others the retro found), none on the response. */
  onlyWeaknesses?: boolean;
}

/** Walks each retro one step per policy call, from scheduling to publishing. */
export function retroCommands(s: Snap, plan: RetroPlan): Command[] {
  const out: Command[] = [];
  for (const id of s.awaitingRetro) {
    const inc = s.incidents[id];
    if (!inc || inc.resolvedAt === null) continue;
    if (s.now - inc.resolvedAt > 24 * 60 && !inc.prior) continue;
    if (plan.depthFor(s, inc)) out.push({ type: 'scheduleRetro', incident: id });
  }
  for (const id of s.unpublishedRetros) {
    const retro = s.retros[id];
    const inc = retro?.incidentId ? s.incidents[retro.incidentId] : undefined;
    if (!retro || !inc) continue;
    out.push(...retroStep(s, retro, inc, plan));
  }
  return out;
}

/** The retro's remaining steps up to the action items, in the machine's order, each with its choice. */
function retroStep(s: Snap, retro: Immutable<Retro>, inc: Seen, plan: RetroPlan): Command[] {
  const id = retro.id;
  const at = RETRO_STEPS.indexOf(retro.phase);
  const actionsAt = RETRO_STEPS.indexOf('actions');
  if (at < actionsAt) {
    const depth = plan.depthFor(s, inc) ?? 'quick';
    const team = s.services[inc.service]?.team ?? '';
    const owners = activeMembers(s, team);
    const people = owners.length > 0 ? owners : activeMembers(s, inc.pagerTeam);
    const outsider = people.find((e) => !inc.responders.includes(e.id)) ?? people[0];
    const facilitator = plan.uninvolvedFacilitator
      ? outsider
      : (people.find((e) => inc.responders.includes(e.id)) ?? outsider);
    const blamed = inc.pagedTo ?? inc.responders[0];
    const cmds: Command[] = [];
    for (const step of RETRO_STEPS.slice(at, actionsAt)) {
      if (step === 'interviews' && facilitator)
        cmds.push({ type: 'interview', retro: id, depth, facilitator: facilitator.id });
      if (step === 'framing')
        cmds.push(
          plan.framing === 'blame' && blamed
            ? { type: 'frameRetro', retro: id, framing: 'blame', blamed }
            : { type: 'frameRetro', retro: id, framing: 'blameless' },
        );
      cmds.push({ type: 'advanceRetro', retro: id, from: step });
    }
    return cmds;
  }
  if (retro.phase === 'actions') {
    const cmds: Command[] = [];
    const factors = surfacedFactors(retro);
    const ranked = [
      ...factors.filter((f) => f.key === 'condition' || f.key === 'sibling-condition'),
      ...(plan.onlyWeaknesses ? [] : factors.filter((f) => f.key !== 'condition' && f.key !== 'sibling-condition')),
    ];
    for (const f of ranked.slice(0, plan.items)) {
      const onCondition = f.key === 'condition' || f.key === 'sibling-condition';
      const cond = s.conditions[f.conditionId ?? ''];
      const hasFired = (cond?.fired ?? 0) >= 1;
      const alreadyGuarded = cond ? isGuarded(cond) : false;
      const actionType = onCondition
        ? plan.preferGuard && (plan.preferGuard === 'always' || !hasFired) && !alreadyGuarded
          ? 'mitigate'
          : 'prevent'
        : f.key === 'recent-deploy'
          ? 'mitigate'
          : 'repair';
      cmds.push({ type: 'fileActionItem', retro: id, factor: f.id, actionType });
    }
    cmds.push({ type: 'publishRetro', retro: id, share: plan.share });
    return cmds;
  }
  return [];
}

export function setFocusOnce(s: Snap, share: number): Command[] {
  if (s.now !== 0) return [];
  return s.teamOrder.map((team) => ({ type: 'setTeamFocus', team, reliabilityShare: share }));
}
