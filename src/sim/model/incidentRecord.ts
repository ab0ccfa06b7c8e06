import type { Minute } from '../clock';
import type { ConditionKind, Incident } from './types';

export interface IncidentStart {
  id: string;
  service: string;
  conditionId: string;
  kind: ConditionKind;
  sev: number;
  startedAt: Minute;
  detectAt: Minute;
  detectVia: 'alert' | 'customer';
  pagerTeam: string;
  recentDeploy: boolean;
  injected: boolean;
}

/** A fresh incident record at the minute its condition fired: nobody knows about it yet. */
export function newIncident(start: IncidentStart): Incident {
  return {
    ...start,
    phase: 'undetected',
    detectedAt: null,
    detectedBy: null,
    pagedAt: null,
    pagedTo: null,
    ackDueAt: null,
    escalateAt: null,
    ackAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    affected: [start.service],
    lastSpreadAt: start.startedAt,
    lastSevAt: start.startedAt,
    responders: [],
    roles: {},
    progress: 0,
    clues: [],
    inquiries: [],
    attempts: [],
    expertCalled: false,
    teamsPulled: [],
    statusUpdates: 0,
    lastStatusAt: null,
    handoffs: [],
    customerMinutes: 0,
    retroId: null,
  };
}
