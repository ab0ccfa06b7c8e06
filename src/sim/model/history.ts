import { MINUTES_PER_DAY } from '../clock';
import { knowledgeReach } from '../rules/knowledge';
import { onCall } from '../rules/rotation';
import type { Scenario } from '../scenario/schema';
import { tuning } from '../tuning';
import { newIncident } from './incidentRecord';
import type { Snapshot } from './snapshot';
import type { Incident, RoundStart, SimState } from './types';
import { busFactor } from './world';

/**
 * Last week's outages: each fired, was restarted and resolved before the round began. The
 * condition behind it is still there and comes back more readily; the retro is still owed.
 */
export function addPriorIncidents(state: SimState, scenario: Scenario): void {
  scenario.history.forEach((h, i) => {
    const svc = state.services[h.service];
    const index = scenario.services.find((s) => s.id === h.service)?.conditions.findIndex((c) => c.kind === h.kind);
    const conditionId = `${h.service}:${h.kind}:${index ?? 0}`;
    const c = state.conditions[conditionId];
    if (!svc || !c) return;
    const startedAt = -h.daysAgo * MINUTES_PER_DAY + 14 * 60;
    const resolvedAt = startedAt + 95;
    const pagerTeam = state.teamOrder.find((t) => state.services[h.service]?.team === t) ?? svc.team;
    const responder = onCall(state, pagerTeam, 0).primary?.id;
    const id = `inc-prior-${i + 1}`;
    // Detected by an alert, acknowledged, restarted and resolved before the round began.
    const inc: Incident = {
      ...newIncident({
        id,
        service: svc.id,
        conditionId,
        kind: c.kind,
        sev: 3,
        startedAt,
        detectAt: startedAt + 10,
        detectVia: 'alert',
        pagerTeam,
        recentDeploy: false,
        injected: false,
      }),
      phase: 'resolved',
      detectedAt: startedAt + 10,
      detectedBy: 'alert',
      pagedAt: startedAt + 10,
      pagedTo: responder ?? null,
      ackAt: startedAt + 15,
      mitigatedAt: resolvedAt - 30,
      resolvedAt,
      responders: responder ? [responder] : [],
      progress: 1,
      prior: true,
    };
    state.incidents[id] = inc;
    state.incidentOrder.push(id);
    c.fired += 1;
    c.relapseUntil = resolvedAt + tuning.relapseDays * MINUTES_PER_DAY;
  });
}

/** The world as the round begins, for scoring change rather than level. */
export function roundStart(state: Snapshot): RoundStart {
  const active = state.engineerOrder.map((id) => state.engineers[id]).filter((e) => e?.status === 'active');
  const bf: Record<string, number> = {};
  const reach: Record<string, number> = {};
  for (const s of state.serviceOrder) {
    bf[s] = busFactor(state, s);
    reach[s] = knowledgeReach(state, s);
  }
  return {
    meanTrust: active.reduce((sum, e) => sum + (e?.trust ?? 0), 0) / Math.max(1, active.length),
    customerTrust: state.customerTrust,
    busFactor: bf,
    reach,
  };
}
