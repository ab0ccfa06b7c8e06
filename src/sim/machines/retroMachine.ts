import { assign, type StateValueFrom, setup } from 'xstate';
import type { RetroDepth, RetroFraming } from '../kinds';

/** The step a retro is at; declared below as the machine's states, in order. */
type Step = 'scheduled' | 'timeline' | 'interviews' | 'framing' | 'factors' | 'actions' | 'published';

export type RetroSignal =
  /** Leave a step; naming it means a second click on the same button cannot skip the next one. */
  | { type: 'NEXT'; from: Step }
  | { type: 'INTERVIEW'; depth: RetroDepth; facilitator: string }
  | { type: 'FRAME'; framing: RetroFraming; blamed: string | null }
  | { type: 'PUBLISH'; share: boolean };

/** What the guards look at: what the retro has settled so far. */
export interface RetroFacts {
  interviewed: boolean;
  framed: boolean;
}

/**
 * A retro walks from scheduling to publishing, one step at a time. Each step's choices (depth,
 * framing) are signals too, taken only in their own step; the guards say what a step needs before
 * it can be left. The actions are named after the rule functions that carry them out.
 */
export const retroMachine = setup({
  types: { context: {} as RetroFacts, events: {} as RetroSignal, input: {} as RetroFacts },
  guards: {
    leaving: ({ event }, params: { step: Step }) => event.type === 'NEXT' && event.from === params.step,
    interviewed: ({ context, event }) => context.interviewed && event.type === 'NEXT' && event.from === 'interviews',
    framed: ({ context, event }) => context.framed && event.type === 'NEXT' && event.from === 'framing',
    notInterviewed: ({ context }) => !context.interviewed,
    notFramed: ({ context }) => !context.framed,
  },
  actions: {
    stepRetro: () => {},
    interview: () => {},
    frameRetro: () => {},
    publishRetro: () => {},
  },
}).createMachine({
  id: 'retro',
  context: ({ input }) => input,
  initial: 'scheduled',
  states: {
    scheduled: {
      on: {
        NEXT: { target: 'timeline', guard: { type: 'leaving', params: { step: 'scheduled' } }, actions: 'stepRetro' },
      },
    },
    timeline: {
      on: {
        NEXT: { target: 'interviews', guard: { type: 'leaving', params: { step: 'timeline' } }, actions: 'stepRetro' },
      },
    },
    interviews: {
      on: {
        INTERVIEW: { guard: 'notInterviewed', actions: ['interview', assign({ interviewed: true })] },
        NEXT: { target: 'framing', guard: 'interviewed', actions: 'stepRetro' },
      },
    },
    framing: {
      on: {
        FRAME: { guard: 'notFramed', actions: ['frameRetro', assign({ framed: true })] },
        NEXT: { target: 'factors', guard: 'framed', actions: 'stepRetro' },
      },
    },
    factors: {
      on: {
        NEXT: { target: 'actions', guard: { type: 'leaving', params: { step: 'factors' } }, actions: 'stepRetro' },
      },
    },
    actions: { on: { PUBLISH: { target: 'published', actions: 'publishRetro' } } },
    published: { type: 'final' },
  },
});

/** Every step of a retro, straight from the machine. */
export type RetroPhase = StateValueFrom<typeof retroMachine>;

/** The compiler checks the step names the signals use are exactly the machine's states. */
const stepsMatch: [Step] extends [RetroPhase] ? ([RetroPhase] extends [Step] ? true : false) : false = true;
void stepsMatch;

/** The steps in the order the machine walks them: the one list the views and bots follow. */
export const RETRO_STEPS = Object.keys(retroMachine.root.states) as RetroPhase[];

type GuardName = 'leaving' | 'interviewed' | 'framed' | 'notInterviewed' | 'notFramed';

const wrongStep = (phase: RetroPhase, signal: RetroSignal) =>
  signal.type === 'NEXT' && signal.from !== phase ? `this retro is at the ${phase} step, not ${signal.from}` : null;

/** Why a guard said no, in the game's words. */
export const retroGuardReasons: Record<GuardName, (phase: RetroPhase, signal: RetroSignal) => string> = {
  leaving: (phase, signal) => wrongStep(phase, signal) ?? 'this step cannot be left yet',
  interviewed: (phase, signal) => wrongStep(phase, signal) ?? 'choose how deep to interview first',
  framed: (phase, signal) => wrongStep(phase, signal) ?? 'choose a framing first',
  notInterviewed: () => 'the interviews are done',
  notFramed: () => 'the framing is set',
};

/** Why a signal does not apply at a step at all. */
export function retroPhaseReason(phase: RetroPhase, signal: RetroSignal): string {
  if (phase === 'published') return 'that retro is already published';
  switch (signal.type) {
    case 'NEXT':
      return signal.from !== phase
        ? `this retro is at the ${phase} step, not ${signal.from}`
        : 'publish the retro to finish it';
    case 'INTERVIEW':
      return `interviews happen after the timeline (this retro is at the ${phase} step)`;
    case 'FRAME':
      return `framing comes after the interviews (this retro is at the ${phase} step)`;
    case 'PUBLISH':
      return 'publish after choosing action items';
  }
}
