import { type StateValueFrom, setup } from 'xstate';
import type { Mitigation } from '../kinds';

export type IncidentSignal =
  | { type: 'DETECT' }
  | { type: 'PAGE' }
  | { type: 'ESCALATE' }
  /** Answering the page: the player may answer at once; on their own, people answer when the delay is up. */
  | { type: 'ACK'; byPlayer?: boolean }
  | { type: 'INVESTIGATE' }
  /** Trying a fix (it stays the same phase until the attempt finishes). */
  | { type: 'ATTEMPT'; action: Mitigation; by: string | null }
  | { type: 'MITIGATE' }
  | { type: 'RESOLVE' };

/**
 * What the guards look at: a plain reading of one incident and the clock, made fresh for each signal.
 * `whoNext` is asked only when a page is due, because working out who can answer costs more.
 */
export interface IncidentFacts {
  now: number;
  detectAt: number;
  ackDueAt: number | null;
  escalateAt: number | null;
  mitigatedAt: number | null;
  verifyMinutes: number;
  /** The person paged is still active and can answer. */
  pagerHere: boolean;
  /** A mitigation attempt has not finished yet. */
  attemptPending: boolean;
  /** The next person who can act on a page, or null when nobody is left at all. */
  whoNext: () => string | null;
}

const due = (now: number, at: number | null) => at !== null && now >= at;

/**
 * The life of one incident. Simulated time drives it: the rules send DETECT, PAGE, ACK… each
 * minute and the guards decide, from the facts, whether the time has come. No timers live here.
 * The actions are named after the rule functions that carry them out.
 */
export const incidentMachine = setup({
  types: { context: {} as IncidentFacts, events: {} as IncidentSignal, input: {} as IncidentFacts },
  guards: {
    detectionDue: ({ context }) => context.now >= context.detectAt,
    someoneToPage: ({ context }) => context.whoNext() !== null,
    pageAnswered: ({ context, event }) =>
      context.pagerHere && ((event.type === 'ACK' && event.byPlayer === true) || due(context.now, context.ackDueAt)),
    escalationDue: ({ context }) =>
      (!context.pagerHere || due(context.now, context.escalateAt)) && context.whoNext() !== null,
    fixPossible: ({ context, event }) => !context.attemptPending && event.type === 'ATTEMPT' && event.by !== null,
    verified: ({ context }) =>
      context.mitigatedAt !== null && context.now - context.mitigatedAt >= context.verifyMinutes,
  },
  actions: {
    detectIncident: () => {},
    pageOnCall: () => {},
    escalatePage: () => {},
    acknowledge: () => {},
    beginInvestigation: () => {},
    startMitigation: () => {},
    markMitigated: () => {},
    resolveIncident: () => {},
  },
}).createMachine({
  id: 'incident',
  context: ({ input }) => input,
  initial: 'undetected',
  states: {
    undetected: { on: { DETECT: { target: 'detected', guard: 'detectionDue', actions: 'detectIncident' } } },
    detected: { on: { PAGE: { target: 'paged', guard: 'someoneToPage', actions: 'pageOnCall' } } },
    paged: {
      on: {
        ACK: { target: 'acknowledged', guard: 'pageAnswered', actions: 'acknowledge' },
        ESCALATE: { target: 'paged', reenter: true, guard: 'escalationDue', actions: 'escalatePage' },
      },
    },
    // Acknowledged becomes investigating at the next minute, before any fix can land: a fix tried at
    // once is started here and finishes while investigating.
    acknowledged: {
      on: {
        INVESTIGATE: { target: 'investigating', actions: 'beginInvestigation' },
        ATTEMPT: { guard: 'fixPossible', actions: 'startMitigation' },
      },
    },
    investigating: {
      on: {
        ATTEMPT: { guard: 'fixPossible', actions: 'startMitigation' },
        MITIGATE: { target: 'mitigated', actions: 'markMitigated' },
      },
    },
    mitigated: {
      on: {
        RESOLVE: { target: 'resolved', guard: 'verified', actions: 'resolveIncident' },
      },
    },
    resolved: { type: 'final' },
  },
});

/** Every phase of an incident, straight from the machine. */
export type IncidentPhase = StateValueFrom<typeof incidentMachine>;

/** The phases in the order the machine declares them. */
export const INCIDENT_PHASES = Object.keys(incidentMachine.root.states) as IncidentPhase[];

type GuardName = 'detectionDue' | 'someoneToPage' | 'pageAnswered' | 'escalationDue' | 'fixPossible' | 'verified';

/** Why a guard said no, in the game's words. */
export const incidentGuardReasons: Record<GuardName, (facts: IncidentFacts) => string> = {
  detectionDue: () => 'nobody knows about that incident yet',
  someoneToPage: () => 'there is nobody left to page',
  pageAnswered: (f) => (f.pagerHere ? 'the person paged has not answered yet' : 'the person paged is no longer around'),
  escalationDue: (f) =>
    f.pagerHere && !due(f.now, f.escalateAt) ? 'the page has not timed out yet' : 'there is nobody left to page',
  fixPossible: (f) => (f.attemptPending ? 'a mitigation is already under way' : 'nobody is responding'),
  verified: () => 'the fix is still being verified',
};

/** Why a signal does not apply in a phase at all. */
export function incidentPhaseReason(phase: IncidentPhase, signal: IncidentSignal): string {
  if (phase === 'resolved') return 'that incident is already resolved';
  if (phase === 'undetected') return 'nobody knows about that incident yet';
  if (signal.type === 'ACK') return 'there is no page waiting to be acknowledged';
  if (signal.type === 'ATTEMPT')
    return phase === 'mitigated' ? 'the incident is already mitigated' : 'acknowledge the page first';
  return `an incident that is ${phase} cannot take ${signal.type}`;
}
