import { setup, transition } from 'xstate';
import type { IncidentPhase } from '../model/types';

export type IncidentSignal =
  | { type: 'DETECT' }
  | { type: 'PAGE' }
  | { type: 'ESCALATE' }
  | { type: 'ACK' }
  | { type: 'INVESTIGATE' }
  | { type: 'MITIGATE' }
  | { type: 'RELAPSE' }
  | { type: 'RESOLVE' };

/**
 * The life of one incident. Simulated time drives it: the rules send DETECT,
 * PAGE, ACK… when the simulated clock says so. No timers live here.
 */
export const incidentMachine = setup({
  types: { events: {} as IncidentSignal },
}).createMachine({
  id: 'incident',
  initial: 'undetected',
  states: {
    undetected: { on: { DETECT: 'detected' } },
    detected: { on: { PAGE: 'paged' } },
    paged: { on: { ACK: 'acknowledged', ESCALATE: { target: 'paged', reenter: true } } },
    acknowledged: { on: { INVESTIGATE: 'investigating', MITIGATE: 'mitigated' } },
    investigating: { on: { MITIGATE: 'mitigated' } },
    mitigated: { on: { RESOLVE: 'resolved', RELAPSE: 'investigating' } },
    resolved: { type: 'final' },
  },
});

/** The next phase for a signal, or the same phase when the signal does not apply. */
export function nextIncidentPhase(phase: IncidentPhase, signal: IncidentSignal): IncidentPhase {
  const from = incidentMachine.resolveState({ value: phase, context: {} });
  const [to] = transition(incidentMachine, from, signal);
  return to.value as IncidentPhase;
}

export function canSignal(phase: IncidentPhase, signal: IncidentSignal): boolean {
  const from = incidentMachine.resolveState({ value: phase, context: {} });
  return from.can(signal);
}
