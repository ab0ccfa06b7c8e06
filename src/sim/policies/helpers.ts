import { type Command, checkCommand } from '../commands';
import type { Incident, Retro, RetroDepth, RetroFraming, SimState } from '../model/types';
import { activeMembers, openIncidents } from '../model/world';
import { isGuarded } from '../rules/effects';
import { diagnosisHint } from '../rules/incident';
import { surfacedFactors } from '../rules/retro';
import { onCall } from '../rules/rotation';

export type Snap = Readonly<SimState>;

export function visibleIncidents(s: Snap): Incident[] {
  return openIncidents(s).filter((i) => i.phase !== 'undetected');
}

export function ackPages(s: Snap): Command[] {
  return visibleIncidents(s)
    .filter((i) => i.phase === 'paged')
    .map((i) => ({ type: 'acknowledge', incident: i.id }));
}

const pending = (inc: Incident) => inc.attempts.some((a) => a.outcome === 'pending');

/** A careful responder: roles first, status updates, then the mitigation the diagnosis points to. */
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
    if (checkCommand(s, status).ok) out.push(status);
    const hint = diagnosisHint(inc);
    if (hint.recommended && !pending(inc)) out.push({ type: 'mitigate', incident: inc.id, action: hint.recommended });
  }
  return out;
}

/** The never-learning reflex: restart it, and if that fails call the hero. */
export function restartThenHero(s: Snap): Command[] {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating' || pending(inc)) continue;
    if (!inc.attempts.some((a) => a.action === 'restart')) {
      out.push({ type: 'mitigate', incident: inc.id, action: 'restart' });
    } else if (!inc.expertCalled) {
      out.push({ type: 'escalateToExpert', incident: inc.id });
    } else {
      const hint = diagnosisHint(inc);
      if (hint.recommended) out.push({ type: 'mitigate', incident: inc.id, action: hint.recommended });
    }
  }
  return out;
}

export interface RetroPlan {
  /** Which resolved incidents get a retro, and how deep. */
  depthFor: (s: Snap, inc: Incident) => RetroDepth | null;
  framing: RetroFraming;
  share: boolean;
  /** How many action items to file per retro. */
  items: number;
  uninvolvedFacilitator: boolean;
  /** File the cheaper guard (mitigate) item on a condition, and prevent only once it has fired twice. */
  preferGuard?: boolean;
}

/** Walks each retro one step per policy call, from scheduling to publishing. */
export function retroCommands(s: Snap, plan: RetroPlan): Command[] {
  const out: Command[] = [];
  for (const id of s.incidentOrder) {
    const inc = s.incidents[id];
    if (inc?.phase !== 'resolved' || inc.retroId || inc.resolvedAt === null) continue;
    if (s.now - inc.resolvedAt > 24 * 60 && !inc.prior) continue;
    if (plan.depthFor(s, inc)) out.push({ type: 'scheduleRetro', incident: id });
  }
  for (const retro of Object.values(s.retros)) {
    const inc = retro.incidentId ? s.incidents[retro.incidentId] : undefined;
    if (!inc || retro.phase === 'published') continue;
    out.push(...retroStep(s, retro, inc, plan));
  }
  return out;
}

function retroStep(s: Snap, retro: Retro, inc: Incident, plan: RetroPlan): Command[] {
  const id = retro.id;
  if (retro.phase === 'scheduled' || retro.phase === 'timeline') {
    const depth = plan.depthFor(s, inc) ?? 'quick';
    const team = s.services[inc.service]?.team ?? '';
    const owners = activeMembers(s, team);
    const people = owners.length > 0 ? owners : activeMembers(s, inc.pagerTeam);
    const outsider = people.find((e) => !inc.responders.includes(e.id)) ?? people[0];
    const facilitator = plan.uninvolvedFacilitator
      ? outsider
      : (people.find((e) => inc.responders.includes(e.id)) ?? outsider);
    const cmds: Command[] = [];
    if (retro.phase === 'scheduled') cmds.push({ type: 'advanceRetro', retro: id });
    cmds.push({ type: 'advanceRetro', retro: id });
    if (facilitator) cmds.push({ type: 'interview', retro: id, depth, facilitator: facilitator.id });
    cmds.push({ type: 'advanceRetro', retro: id });
    const blamed = inc.pagedTo ?? inc.responders[0];
    cmds.push(
      plan.framing === 'blame' && blamed
        ? { type: 'frameRetro', retro: id, framing: 'blame', blamed }
        : { type: 'frameRetro', retro: id, framing: 'blameless' },
    );
    cmds.push({ type: 'advanceRetro', retro: id }, { type: 'advanceRetro', retro: id });
    return cmds;
  }
  if (retro.phase === 'actions') {
    const cmds: Command[] = [];
    const factors = surfacedFactors(retro);
    const ranked = [
      ...factors.filter((f) => f.key === 'condition' || f.key === 'sibling-condition'),
      ...factors.filter((f) => f.key !== 'condition' && f.key !== 'sibling-condition'),
    ];
    for (const f of ranked.slice(0, plan.items)) {
      const onCondition = f.key === 'condition' || f.key === 'sibling-condition';
      const cond = s.conditions[f.conditionId ?? ''];
      const firedTwice = (cond?.fired ?? 0) >= 2;
      const alreadyGuarded = cond ? isGuarded(cond) : false;
      const actionType = onCondition
        ? plan.preferGuard && !firedTwice && !alreadyGuarded
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
