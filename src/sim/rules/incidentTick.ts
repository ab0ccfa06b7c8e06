import type { Incident, SimState } from '../model/types';
import { clamp01, logEvent } from '../model/world';
import { burn, mitigationHarms, mitigationWorks, workingRemedies } from './incident';
import { sendIncident } from './incidentLife';
import { diagnosisRate } from './response';

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
  if (inc.phase === 'investigating') investigate(state, inc);
  finishAttempts(state, inc);
  if (inc.phase === 'mitigated' && sendIncident(state, inc, { type: 'RESOLVE' }).ok) return;
  if (inc.phase !== 'mitigated') burn(state, inc);
}

function investigate(state: SimState, inc: Incident): void {
  const before = inc.progress;
  inc.progress = clamp01(inc.progress + diagnosisRate(state, inc));
  for (const mark of [0.5, 1]) {
    if (before < mark && inc.progress >= mark) logEvent(state, { type: 'diagnosed', incident: inc.id, progress: mark });
  }
  const pending = inc.attempts.some((a) => a.outcome === 'pending');
  if (inc.progress >= 1 && !pending) {
    const remedy = workingRemedies(inc)[0];
    const by = inc.roles.ops ?? inc.responders[0] ?? null;
    if (remedy) sendIncident(state, inc, { type: 'ATTEMPT', action: remedy, by });
  }
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
    logEvent(state, {
      type: 'mitigation-finished',
      incident: inc.id,
      action: a.action,
      outcome: a.outcome as 'worked' | 'wasted' | 'worse',
    });
  }
}
