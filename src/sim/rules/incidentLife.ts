import type { Immutable } from 'immer';
import { transition } from 'xstate';
import {
  type IncidentFacts,
  type IncidentPhase,
  type IncidentSignal,
  incidentGuardReasons,
  incidentMachine,
  incidentPhaseReason,
} from '../machines/incidentMachine';
import type { Snapshot } from '../model/snapshot';
import type { Incident, SimState } from '../model/types';
import { tuning } from '../tuning';
import {
  acknowledge,
  beginInvestigation,
  detectIncident,
  escalatePage,
  markMitigated,
  pageOnCall,
  resolveIncident,
  startMitigation,
} from './incident';
import { refusal, type SignalOutcome } from './machineReasons';
import { nextToPage } from './response';

/** Who carries out a fix a player (or a bot) asks for: the ops role, else the person paged, else anyone responding. */
export function whoFixes(inc: Immutable<Pick<Incident, 'roles' | 'pagedTo' | 'responders'>>): string | null {
  return inc.roles.ops ?? inc.pagedTo ?? inc.responders[0] ?? null;
}

/** The facts the incident machine's guards read, taken from the world right now. */
export function incidentFacts(state: Snapshot, inc: Immutable<Incident>): IncidentFacts {
  let next: string | null | undefined;
  const whoNext = () => {
    if (next === undefined) next = nextToPage(state, inc);
    return next;
  };
  return {
    now: state.now,
    detectAt: inc.detectAt,
    ackDueAt: inc.ackDueAt,
    escalateAt: inc.escalateAt,
    mitigatedAt: inc.mitigatedAt,
    verifyMinutes: tuning.verifyMinutes,
    pagerHere: inc.pagedTo !== null && state.engineers[inc.pagedTo]?.status === 'active',
    attemptPending: inc.attempts.some((a) => a.outcome === 'pending'),
    whoNext,
  };
}

type Effect = (state: SimState, inc: Incident, signal: IncidentSignal, facts: IncidentFacts) => void;

/** The rule function behind each action the machine names. */
const effects: Record<string, Effect> = {
  detectIncident: (state, inc) => detectIncident(state, inc),
  pageOnCall: (state, inc, _signal, facts) => pageOnCall(state, inc, facts.whoNext() ?? ''),
  escalatePage: (state, inc, _signal, facts) => escalatePage(state, inc, facts.whoNext() ?? ''),
  acknowledge: (state, inc) => acknowledge(state, inc, inc.pagedTo ?? ''),
  beginInvestigation: (state, inc) => beginInvestigation(state, inc),
  startMitigation: (state, inc, signal) => {
    if (signal.type === 'ATTEMPT' && signal.by) startMitigation(state, inc, signal.action, signal.by);
  },
  markMitigated: (state, inc) => markMitigated(state, inc),
  resolveIncident: (state, inc) => resolveIncident(state, inc),
};

/**
 * The machine's state for each phase, resolved once, over facts that are filled in afresh before every
 * question (the machine keeps no facts of its own between signals, and assigns none). Resolving a state
 * costs more than the question itself; the machine still decides every signal.
 */
const resolvedStates = new Map<
  IncidentPhase,
  { facts: IncidentFacts; state: ReturnType<typeof incidentMachine.resolveState> }
>();

function stateOf(phase: IncidentPhase, facts: IncidentFacts) {
  let resolved = resolvedStates.get(phase);
  if (!resolved) {
    const held = { ...facts };
    resolved = { facts: held, state: incidentMachine.resolveState({ value: phase, context: held }) };
    resolvedStates.set(phase, resolved);
  }
  Object.assign(resolved.facts, facts);
  return resolved.state;
}

function check(state: Snapshot, inc: Immutable<Incident>, signal: IncidentSignal) {
  const facts = incidentFacts(state, inc);
  const from = stateOf(inc.phase, facts);
  if (from.can(signal)) return { from, facts, reason: null };
  const reason = refusal(incidentMachine, inc.phase, signal, {
    phase: () => incidentPhaseReason(inc.phase, signal),
    guard: (name) => incidentGuardReasons[name as keyof typeof incidentGuardReasons]?.(facts),
  });
  return { from, facts, reason };
}

/**
 * Applies one signal to an incident: the machine decides, and only when it takes the transition
 * does the phase change and the rule behind the action run. The only code that moves an incident.
 */
export function sendIncident(state: SimState, inc: Incident, signal: IncidentSignal): SignalOutcome {
  const { from, facts, reason } = check(state, inc, signal);
  if (reason !== null) return { ok: false, reason };
  const { to, actions } = taken(inc.phase, from, signal);
  inc.phase = to;
  for (const action of actions) effects[action]?.(state, inc, signal, facts);
  return { ok: true };
}

/**
 * Where a signal the machine took leads, and the actions it names. Where a phase has a single transition
 * for the signal, the machine's answer is the same every time it is taken: asked once, then remembered.
 */
const transitions = new Map<string, { to: IncidentPhase; actions: string[] }>();

function taken(phase: IncidentPhase, from: ReturnType<typeof stateOf>, signal: IncidentSignal) {
  const key = `${phase}|${signal.type}`;
  const known = transitions.get(key);
  if (known) return known;
  const [to, actions] = transition(incidentMachine, from, signal);
  const result = { to: to.value as IncidentPhase, actions: actions.map((a) => a.type) };
  const node = incidentMachine.root.states[phase] as { on?: Record<string, unknown[]> } | undefined;
  if (node?.on?.[signal.type]?.length === 1) transitions.set(key, result);
  return result;
}

/** Whether a signal would be taken by an incident right now, and why not; changes nothing. */
export function incidentCan(state: Snapshot, incidentId: string, signal: IncidentSignal): SignalOutcome {
  const inc = Object.hasOwn(state.incidents, incidentId) ? state.incidents[incidentId] : undefined;
  if (!inc) return { ok: false, reason: `no incident "${incidentId}"` };
  const { reason } = check(state, inc, signal);
  return reason === null ? { ok: true } : { ok: false, reason };
}
