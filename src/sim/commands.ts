import { MINUTES_PER_WEEK } from './clock';
import { actionItemOwner, activeEngineer, own, payloadProblem } from './commandChecks';
import type {
  ActionType,
  ConditionKind,
  Incident,
  Mitigation,
  OwnershipModel,
  RetroDepth,
  RetroFraming,
  RetroPhase,
  Role,
  RotationWeek,
  SimState,
} from './model/types';
import { activeMembers, clamp01, logEvent } from './model/world';
import { createStream } from './rng';
import { fileActionItem } from './rules/actionItems';
import { isGuarded, revealCondition } from './rules/effects';
import { startIncident } from './rules/incident';
import { sendIncident, whoFixes } from './rules/incidentLife';
import { gainKnowledge, runDrill } from './rules/knowledge';
import {
  assignRole,
  escalateToExpert,
  handOff,
  pageSecondary,
  postStatus,
  pullInTeam,
  statusWait,
} from './rules/response';
import { scheduleRetro, surfacedFactors } from './rules/retro';
import { sendRetro } from './rules/retroLife';
import { tuning } from './tuning';

/** Every player intent, closed. Views and bots only ever dispatch these. */
export type Command =
  | { type: 'setOwnership'; model: OwnershipModel }
  | { type: 'setRotation'; team: string; weeks: RotationWeek[] }
  | { type: 'setTeamFocus'; team: string; reliabilityShare: number }
  | { type: 'acknowledge'; incident: string }
  | { type: 'pageSecondary'; incident: string }
  | { type: 'escalateToExpert'; incident: string }
  | { type: 'pullInTeam'; incident: string; team: string }
  | { type: 'assignRole'; incident: string; role: Role; engineer: string }
  | { type: 'postStatus'; incident: string }
  | { type: 'mitigate'; incident: string; action: Mitigation }
  | { type: 'handOff'; incident: string; to: string; acknowledged: boolean }
  | { type: 'scheduleRetro'; incident: string }
  | { type: 'advanceRetro'; retro: string; from: RetroPhase }
  | { type: 'interview'; retro: string; depth: RetroDepth; facilitator: string }
  | { type: 'frameRetro'; retro: string; framing: RetroFraming; blamed?: string }
  | {
      type: 'fileActionItem';
      retro?: string;
      factor?: string;
      condition?: string;
      actionType: ActionType;
      owner?: string;
    }
  | { type: 'publishRetro'; retro: string; share: boolean }
  | { type: 'reviewNearMiss'; nearMiss: string }
  | { type: 'runDrill'; team: string; service: string }
  | { type: 'setShadow'; engineer: string; mentor: string | null }
  | { type: 'injectIncident'; service: string; kind: ConditionKind };

export type CommandType = Command['type'];
export type CommandResult = { ok: true } | { ok: false; reason: string };

const OK: CommandResult = { ok: true };
const no = (reason: string): CommandResult => ({ ok: false, reason });

function liveIncident(state: SimState, id: string): Incident | string {
  const inc = own(state.incidents, id);
  if (!inc) return `no incident "${id}"`;
  if (inc.phase === 'resolved') return 'that incident is already resolved';
  return inc;
}

type Handler<T extends CommandType> = (state: SimState, cmd: Extract<Command, { type: T }>) => CommandResult;
type Handlers = { [T in CommandType]: Handler<T> };

function withIncident(
  fn: (state: SimState, inc: Incident, cmd: { incident: string } & Record<string, unknown>) => CommandResult,
) {
  return (state: SimState, cmd: { incident: string }) => {
    const inc = liveIncident(state, cmd.incident);
    if (typeof inc === 'string') return no(inc);
    if (inc.phase === 'undetected') return no('nobody knows about that incident yet');
    return fn(state, inc, cmd as { incident: string } & Record<string, unknown>);
  };
}

const handlers: Handlers = {
  setOwnership: (state, cmd) => {
    if (state.ownership === cmd.model) return OK;
    state.ownership = cmd.model;
    if (state.now > 0) {
      for (const t of state.teamOrder) {
        const team = state.teams[t];
        if (team) team.owedHours += 8 * activeMembers(state, t).length;
      }
    }
    logEvent(state, { type: 'ownership-changed', model: cmd.model });
    return OK;
  },
  setRotation: (state, cmd) => {
    if (!own(state.teams, cmd.team)) return no(`no team "${cmd.team}"`);
    for (const w of cmd.weeks) {
      if (!activeEngineer(state, w.primary) || !activeEngineer(state, w.secondary))
        return no('everyone in a rotation must be an active engineer');
    }
    state.rotation.byTeam[cmd.team] = cmd.weeks.map((w) => ({ ...w }));
    return OK;
  },
  setTeamFocus: (state, cmd) => {
    const team = own(state.teams, cmd.team);
    if (!team) return no(`no team "${cmd.team}"`);
    team.reliabilityShare = Math.min(0.6, clamp01(cmd.reliabilityShare));
    return OK;
  },
  acknowledge: withIncident((state, inc) => sendIncident(state, inc, { type: 'ACK', byPlayer: true })),
  pageSecondary: withIncident((state, inc) => (pageSecondary(state, inc) ? OK : no('the secondary is already here'))),
  escalateToExpert: withIncident((state, inc) => {
    if (inc.expertCalled) return no('the expert is already on it');
    return escalateToExpert(state, inc) ? OK : no('nobody knows this service');
  }),
  pullInTeam: withIncident((state, inc, cmd) => {
    const team = cmd.team as string;
    if (!own(state.teams, team)) return no(`no team "${team}"`);
    return pullInTeam(state, inc, team) ? OK : no('that team has nobody to send');
  }),
  assignRole: withIncident((state, inc, cmd) => {
    const role = cmd.role as Role;
    if (!activeEngineer(state, cmd.engineer as string)) return no('that person is not available');
    assignRole(state, inc, role, cmd.engineer as string);
    return OK;
  }),
  postStatus: withIncident((state, inc) => {
    const wait = statusWait(state, inc);
    if (wait > 0)
      return no(`customers heard from you just now; the next update tells them something new in ${wait} min`);
    postStatus(state, inc);
    return OK;
  }),
  mitigate: withIncident((state, inc, cmd) => {
    return sendIncident(state, inc, { type: 'ATTEMPT', action: cmd.action as Mitigation, by: whoFixes(inc) });
  }),
  handOff: withIncident((state, inc, cmd) => {
    const to = cmd.to as string;
    if (!activeEngineer(state, to)) return no('that person is not available');
    if (inc.responders.length === 0) return no('nobody is responding yet');
    handOff(state, inc, to, cmd.acknowledged === true);
    return OK;
  }),
  scheduleRetro: (state, cmd) => {
    const inc = own(state.incidents, cmd.incident);
    if (!inc) return no(`no incident "${cmd.incident}"`);
    if (inc.phase !== 'resolved') return no('hold the retro once the incident is resolved');
    if (inc.retroId) return no('that incident already has a retro');
    scheduleRetro(state, inc);
    return OK;
  },
  advanceRetro: (state, cmd) => {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    return sendRetro(state, retro, { type: 'NEXT', from: cmd.from });
  },
  interview: (state, cmd) => {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (!activeEngineer(state, cmd.facilitator)) return no('the facilitator must be an active engineer');
    const depth = cmd.depth === 'deep' ? 'deep' : 'quick';
    return sendRetro(state, retro, { type: 'INTERVIEW', depth, facilitator: cmd.facilitator });
  },
  frameRetro: (state, cmd) => {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    if (cmd.framing === 'blame' && !own(state.engineers, cmd.blamed)) return no('blame needs a person');
    const framing = cmd.framing === 'blame' ? 'blame' : 'blameless';
    return sendRetro(state, retro, { type: 'FRAME', framing, blamed: cmd.blamed ?? null });
  },
  fileActionItem: (state, cmd) => {
    if (cmd.retro) {
      const retro = own(state.retros, cmd.retro);
      if (!retro) return no(`no retro "${cmd.retro}"`);
      if (retro.phase !== 'actions') return no('file action items in the actions step');
      const factor = surfacedFactors(retro).find((f) => f.id === cmd.factor);
      if (!factor) return no('that factor was not surfaced');
      if (retro.actionItems.some((id) => state.actionItems[id]?.factorId === factor.id))
        return no('that factor already has an action item');
      const cond = factor.conditionId ? own(state.conditions, factor.conditionId) : undefined;
      if (cmd.actionType === 'mitigate' && cond && isGuarded(cond))
        return no('that weakness is already guarded; removing it (prevent) is the next step');
      const pagerTeam = retro.incidentId ? (own(state.incidents, retro.incidentId)?.pagerTeam ?? null) : null;
      const owner = actionItemOwner(state, factor.service, pagerTeam, cmd.owner);
      if (!owner)
        return no(cmd.owner === undefined ? 'nobody is left to own it' : 'the owner must be an active engineer');
      const item = fileActionItem(state, {
        retroId: retro.id,
        factorId: factor.id,
        factorKey: factor.key,
        conditionId: factor.conditionId,
        service: factor.service,
        type: cmd.actionType,
        owner,
      });
      if (!item) return no(`a ${cmd.actionType} item does not fit that factor`);
      retro.actionItems.push(item.id);
      return OK;
    }
    const c = own(state.conditions, cmd.condition);
    if (!c) return no('name a factor of a retro or a known latent condition');
    if (!c.revealed) return no('nobody knows about that condition yet');
    if (c.strength <= 0) return no('that condition is already gone');
    const open = Object.values(state.actionItems).some((a) => a.conditionId === c.id && a.status === 'open');
    if (open) return no('that condition already has an open action item');
    if (cmd.actionType === 'mitigate' && isGuarded(c))
      return no('that weakness is already guarded; removing it (prevent) is the next step');
    const owner = actionItemOwner(state, c.service, null, cmd.owner);
    if (!owner)
      return no(cmd.owner === undefined ? 'nobody is left to own it' : 'the owner must be an active engineer');
    const item = fileActionItem(state, {
      retroId: null,
      factorId: null,
      factorKey: 'condition',
      conditionId: c.id,
      service: c.service,
      type: cmd.actionType,
      owner,
    });
    return item ? OK : no(`a ${cmd.actionType} item does not fit a latent condition`);
  },
  publishRetro: (state, cmd) => {
    const retro = own(state.retros, cmd.retro);
    if (!retro) return no(`no retro "${cmd.retro}"`);
    return sendRetro(state, retro, { type: 'PUBLISH', share: cmd.share });
  },
  reviewNearMiss: (state, cmd) => {
    const nm = own(state.nearMisses, cmd.nearMiss);
    if (!nm) return no(`no near miss "${cmd.nearMiss}"`);
    if (nm.reviewed) return no('that near miss was already reviewed');
    nm.reviewed = true;
    const c = state.conditions[nm.conditionId];
    if (c) revealCondition(state, c);
    const team = state.services[nm.service]?.team ?? '';
    const members = activeMembers(state, team);
    for (const e of members.slice(0, 3)) gainKnowledge(state, e.id, nm.service, 0.05);
    const t = state.teams[team];
    if (t) t.owedHours += 4;
    state.totals.nearMissesReviewed += 1;
    const key = `condition:${nm.service}:${nm.conditionId}`;
    if (!state.totals.factorsSurfaced.includes(key)) state.totals.factorsSurfaced.push(key);
    logEvent(state, { type: 'near-miss-reviewed', nearMiss: nm.id });
    return OK;
  },
  runDrill: (state, cmd) => {
    if (!own(state.teams, cmd.team)) return no(`no team "${cmd.team}"`);
    if (!own(state.services, cmd.service)) return no(`no service "${cmd.service}"`);
    const last = state.teams[cmd.team]?.lastDrillAt ?? null;
    if (last !== null && state.now - last < MINUTES_PER_WEEK) return no('one drill a week per team is plenty');
    runDrill(state, cmd.team, cmd.service);
    return OK;
  },
  setShadow: (state, cmd) => {
    const e = own(state.engineers, cmd.engineer);
    if (e?.status !== 'active') return no('that person is not available');
    if (cmd.mentor !== null && (!activeEngineer(state, cmd.mentor) || cmd.mentor === cmd.engineer))
      return no('shadow someone else who is active');
    e.shadowing = cmd.mentor;
    logEvent(state, { type: 'shadowing', engineer: e.id, mentor: cmd.mentor });
    return OK;
  },
  injectIncident: (state, cmd) => {
    const svc = own(state.services, cmd.service);
    if (!svc) return no(`no service "${cmd.service}"`);
    if (own(tuning.weeklyHazard, cmd.kind) === undefined) return no(`no condition class "${String(cmd.kind)}"`);
    // Named by minute, service and class, so the same fire in the never-learning replay has the same luck.
    let id = `inj:${state.now}:${svc.id}:${cmd.kind}`;
    for (let n = 2; Object.hasOwn(state.conditions, id); n++) id = `inj:${state.now}:${svc.id}:${cmd.kind}:${n}`;
    state.conditions[id] = {
      id,
      service: svc.id,
      kind: cmd.kind,
      strength: 1,
      revealed: false,
      createdAt: state.now,
      origin: 'injected',
      fired: 0,
    };
    state.streams[`chaos:${id}`] = createStream(state.seed, `chaos:${id}`);
    startIncident(state, id, true);
    return OK;
  },
};

/** Applies one command to a draft; malformed or invalid commands change nothing and say why. */
export function applyCommand(state: SimState, cmd: Command): CommandResult {
  const problem = payloadProblem(cmd);
  if (problem !== null) return no(problem);
  const handler = own(handlers, cmd.type) as Handler<CommandType>;
  return handler(state, cmd as never);
}

/** Every command type, for tools and tests that enumerate intents. */
export const COMMAND_TYPES = Object.keys(handlers) as CommandType[];
