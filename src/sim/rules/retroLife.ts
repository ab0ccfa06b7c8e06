import type { Immutable } from 'immer';
import { transition } from 'xstate';
import {
  type RetroFacts,
  type RetroPhase,
  type RetroSignal,
  retroGuardReasons,
  retroMachine,
  retroPhaseReason,
} from '../machines/retroMachine';
import type { Snapshot } from '../model/snapshot';
import type { Retro, SimState } from '../model/types';
import { refusal, type SignalOutcome } from './machineReasons';
import { frameRetro, interview, publishRetro, stepRetro } from './retro';

/** The facts the retro machine's guards read. */
export function retroFacts(retro: Immutable<Retro>): RetroFacts {
  return { interviewed: retro.depth !== null, framed: retro.framing !== null };
}

type Effect = (state: SimState, retro: Retro, signal: RetroSignal) => void;

/** The rule function behind each action the machine names. */
const effects: Record<string, Effect> = {
  stepRetro: (state, retro) => stepRetro(state, retro),
  interview: (state, retro, signal) => {
    if (signal.type === 'INTERVIEW') interview(state, retro, signal.depth, signal.facilitator);
  },
  frameRetro: (state, retro, signal) => {
    if (signal.type === 'FRAME') frameRetro(state, retro, signal.framing, signal.blamed);
  },
  publishRetro: (state, retro, signal) => {
    if (signal.type === 'PUBLISH') publishRetro(state, retro, signal.share);
  },
};

/**
 * The machine's state for a step and its facts. Only a few exist (each step, interviewed or not, framed or
 * not), so each is resolved once: the machine still decides every signal.
 */
const resolvedStates = new Map<string, ReturnType<typeof retroMachine.resolveState>>();

function stateOf(retro: Immutable<Retro>) {
  const facts = retroFacts(retro);
  const key = `${retro.phase}|${facts.interviewed}|${facts.framed}`;
  let from = resolvedStates.get(key);
  if (!from) {
    from = retroMachine.resolveState({ value: retro.phase, context: facts });
    resolvedStates.set(key, from);
  }
  return from;
}

function check(retro: Immutable<Retro>, signal: RetroSignal) {
  const from = stateOf(retro);
  if (from.can(signal)) return { from, reason: null };
  const reason = refusal(retroMachine, retro.phase, signal, {
    phase: () => retroPhaseReason(retro.phase, signal),
    guard: (name) => retroGuardReasons[name as keyof typeof retroGuardReasons]?.(retro.phase, signal),
  });
  return { from, reason };
}

/**
 * Applies one signal to a retro: the machine decides, and only when it takes the transition does
 * the step change and the rule behind the action run. The only code that moves a retro.
 */
export function sendRetro(state: SimState, retro: Retro, signal: RetroSignal): SignalOutcome {
  const { from, reason } = check(retro, signal);
  if (reason !== null) return { ok: false, reason };
  const { to, actions } = taken(retro, from, signal);
  retro.phase = to;
  for (const action of actions) effects[action]?.(state, retro, signal);
  return { ok: true };
}

/**
 * Where a signal the machine took leads, and the actions it names. Where a step has a single transition
 * for the signal, the machine's answer is the same every time it is taken: asked once, then remembered
 * (the facts it assigns are read from the retro itself next time).
 */
const transitions = new Map<string, { to: RetroPhase; actions: string[] }>();

function taken(retro: Immutable<Retro>, from: ReturnType<typeof stateOf>, signal: RetroSignal) {
  const facts = retroFacts(retro);
  const key = `${retro.phase}|${facts.interviewed}|${facts.framed}|${signal.type}`;
  const known = transitions.get(key);
  if (known) return known;
  const [to, actions] = transition(retroMachine, from, signal);
  const result = { to: to.value as RetroPhase, actions: actions.map((a) => a.type) };
  const node = retroMachine.root.states[retro.phase] as { on?: Record<string, unknown[]> } | undefined;
  if (node?.on?.[signal.type]?.length === 1) transitions.set(key, result);
  return result;
}

/** Whether a signal would be taken by a retro right now, and why not; changes nothing. */
export function retroCan(state: Snapshot, retroId: string, signal: RetroSignal): SignalOutcome {
  const retro = Object.hasOwn(state.retros, retroId) ? state.retros[retroId] : undefined;
  if (!retro) return { ok: false, reason: `no retro "${retroId}"` };
  const { reason } = check(retro, signal);
  return reason === null ? { ok: true } : { ok: false, reason };
}
