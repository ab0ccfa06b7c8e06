import type { IncidentSignal } from '../../src/sim';
import type { IncidentFacts } from '../../src/sim/machines/incidentMachine';

/** Facts under which every incident guard lets its signal through. */
export const OPEN: IncidentFacts = {
  now: 100,
  detectAt: 0,
  ackDueAt: 0,
  escalateAt: 0,
  mitigatedAt: 0,
  verifyMinutes: 30,
  pagerHere: true,
  attemptPending: false,
  whoNext: () => 'ada',
};

/** One of each signal the incident machine knows. */
export const INCIDENT_SIGNALS: IncidentSignal[] = [
  { type: 'DETECT' },
  { type: 'PAGE' },
  { type: 'ESCALATE' },
  { type: 'ACK' },
  { type: 'INVESTIGATE' },
  { type: 'ATTEMPT', action: 'restart', by: 'ada' },
  { type: 'MITIGATE' },
  { type: 'RESOLVE' },
];
