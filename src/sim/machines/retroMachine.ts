import { setup, transition } from 'xstate';
import type { RetroPhase } from '../model/types';

export type RetroSignal = { type: 'NEXT' } | { type: 'PUBLISH' };

/**
 * A retro walks from scheduling to publishing. Each step's choices (depth,
 * framing, action items) are commands; the machine says which step is open.
 */
export const retroMachine = setup({
  types: { events: {} as RetroSignal },
}).createMachine({
  id: 'retro',
  initial: 'scheduled',
  states: {
    scheduled: { on: { NEXT: 'timeline' } },
    timeline: { on: { NEXT: 'interviews' } },
    interviews: { on: { NEXT: 'framing' } },
    framing: { on: { NEXT: 'factors' } },
    factors: { on: { NEXT: 'actions' } },
    actions: { on: { PUBLISH: 'published' } },
    published: { type: 'final' },
  },
});

export function nextRetroPhase(phase: RetroPhase, signal: RetroSignal): RetroPhase {
  const from = retroMachine.resolveState({ value: phase, context: {} });
  const [to] = transition(retroMachine, from, signal);
  return to.value as RetroPhase;
}

export const RETRO_STEPS: RetroPhase[] = [
  'scheduled',
  'timeline',
  'interviews',
  'framing',
  'factors',
  'actions',
  'published',
];
