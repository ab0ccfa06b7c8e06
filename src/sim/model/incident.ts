/** An incident as the world holds it: its phase, responders, investigation and attempts. */
import type { Minute } from '../clock';
import type { ConditionKind, InvestigationStep, Mitigation, Role } from '../kinds';
import type { IncidentPhase } from '../machines/incidentMachine';

/** The phases come from the incident machine, the one place that says how an incident moves. */
export type { IncidentPhase };

/** What a responder can look at while investigating; each costs their minutes and yields a clue. */

/** What one investigation step showed. A clue never lies: the true class is always among `consistentWith`. */
export interface Clue {
  step: InvestigationStep;
  by: string;
  at: Minute;
  text: string;
  /** The classes of failure this clue is consistent with (all of them when nothing was conclusive). */
  consistentWith: ConditionKind[];
}

/** An investigation step under way: the responder is busy with it until `doneAt`. */
export interface Inquiry {
  step: InvestigationStep;
  by: string;
  startedAt: Minute;
  doneAt: Minute;
}

export interface MitigationAttempt {
  action: Mitigation;
  startedAt: Minute;
  doneAt: Minute;
  by: string;
  outcome: 'pending' | 'worked' | 'wasted' | 'worse';
}

export interface Incident {
  id: string;
  service: string;
  conditionId: string;
  kind: ConditionKind;
  /** 4 = minor … 1 = critical. */
  sev: number;
  phase: IncidentPhase;
  startedAt: Minute;
  detectedAt: Minute | null;
  detectedBy: 'alert' | 'customer' | null;
  detectAt: Minute;
  detectVia: 'alert' | 'customer';
  pagedAt: Minute | null;
  pagedTo: string | null;
  ackDueAt: Minute | null;
  escalateAt: Minute | null;
  ackAt: Minute | null;
  mitigatedAt: Minute | null;
  resolvedAt: Minute | null;
  /** Services on fire: the origin plus dependents reached by the cascade. */
  affected: string[];
  lastSpreadAt: Minute;
  lastSevAt: Minute;
  responders: string[];
  roles: Partial<Record<Role, string>>;
  /** How far the clues have narrowed the class of failure down, 0..1 (derived from `clues`). */
  progress: number;
  /** What the investigation has shown so far. */
  clues: Clue[];
  /** Investigation steps under way. */
  inquiries: Inquiry[];
  attempts: MitigationAttempt[];
  recentDeploy: boolean;
  expertCalled: boolean;
  teamsPulled: string[];
  statusUpdates: number;
  lastStatusAt: Minute | null;
  handoffs: { at: Minute; from: string; to: string; acknowledged: boolean }[];
  customerMinutes: number;
  pagerTeam: string;
  retroId: string | null;
  injected: boolean;
  /** Happened before the round began (last week's outage, still waiting for its retro). */
  prior?: boolean;
}
