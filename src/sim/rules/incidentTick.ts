import type { Incident, SimState } from '../model/types';
import { logEvent } from '../model/world';
import { narrowing } from './clues';
import { burn, mitigationHarms, mitigationWorks } from './incident';
import { sendIncident } from './incidentLife';
import { finishInquiries } from './investigation';

/**
 * One simulated minute of an open incident. The signals are offered every minute; the incident
 * machine's guards decide whether their time has come (detection, answer, escalation, verification).
 */
export function tickIncident(state: SimState, inc: Incident): void {
  if (inc.phase === 'undetected') sendIncident(state, inc, { type: 'DETECT' });
  if (inc.phase === 'detected') sendIncident(state, inc, { type: 'PAGE' });
  if (inc.phase === 'paged') {
    if (!sendIncident(state, inc, { type: 'ACK' }).ok) sendIncident(state, inc, { type: 'ESCALATE' });
  } else if (inc.phase === 'acknowledged') {
    sendIncident(state, inc, { type: 'INVESTIGATE' });
  }
  // Nothing is fixed by itself: clues come from the steps someone chose, fixes from a mitigate command.
  finishInquiries(state, inc);
  finishAttempts(state, inc);
  if (inc.phase === 'mitigated' && sendIncident(state, inc, { type: 'RESOLVE' }).ok) return;
  if (inc.phase !== 'mitigated') burn(state, inc);
}

function finishAttempts(state: SimState, inc: Incident): void {
  for (const a of inc.attempts) {
    if (a.outcome !== 'pending' || state.now < a.doneAt) continue;
    if (inc.phase === 'mitigated') {
      a.outcome = 'wasted';
    } else if (mitigationWorks(inc.kind, a.action, inc.recentDeploy)) {
      a.outcome = 'worked';
      sendIncident(state, inc, { type: 'MITIGATE' });
    } else if (mitigationHarms(inc.kind, a.action)) {
      a.outcome = 'worse';
      inc.sev = Math.max(1, inc.sev - 1);
      inc.lastSevAt = state.now;
    } else {
      a.outcome = 'wasted';
    }
    // A failed fix is evidence too: it rules out the classes it was sure to cure.
    inc.progress = narrowing(inc);
    logEvent(state, {
      type: 'mitigation-finished',
      incident: inc.id,
      action: a.action,
      outcome: a.outcome as 'worked' | 'wasted' | 'worse',
    });
  }
}
