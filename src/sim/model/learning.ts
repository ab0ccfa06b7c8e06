/** What the organization learns with: factors, action items, retros and near misses. */
import type { Minute } from '../clock';
import type { ActionType, ConditionKind, RetroDepth, RetroFraming } from '../kinds';
import type { RetroPhase } from '../machines/retroMachine';

export type FactorKey =
  | 'condition'
  | 'runbook-stale'
  | 'single-knower'
  | 'late-alert'
  | 'handoff-lost'
  | 'hero'
  | 'cross-team'
  | 'recent-deploy'
  | 'fatigue'
  | 'freelancing'
  | 'wrong-mitigation'
  | 'sibling-condition';

export interface Factor {
  id: string;
  key: FactorKey;
  /** The latent condition behind it, where there is one. */
  conditionId: string | null;
  service: string;
  text: string;
  /** How hard it is to surface: 1 obvious … 3 deep. */
  depth: number;
  hidden: boolean;
}

export interface ActionItem {
  id: string;
  retroId: string | null;
  factorId: string | null;
  factorKey: FactorKey;
  conditionId: string | null;
  service: string;
  team: string;
  type: ActionType;
  owner: string;
  title: string;
  costDays: number;
  doneHours: number;
  status: 'open' | 'closed' | 'stale';
  createdAt: Minute;
  closedAt: Minute | null;
  lastWorkedAt: Minute;
}

/** The steps come from the retro machine, the one place that says how a retro moves. */
export type { RetroPhase };

export interface Retro {
  id: string;
  incidentId: string | null;
  nearMissId: string | null;
  phase: RetroPhase;
  scheduledAt: Minute;
  depth: RetroDepth | null;
  facilitator: string | null;
  facilitatorInvolved: boolean;
  framing: RetroFraming | null;
  blamed: string | null;
  factors: Factor[];
  actionItems: string[];
  shared: boolean;
  costHours: number;
}

export interface NearMiss {
  id: string;
  conditionId: string;
  service: string;
  kind: ConditionKind;
  at: Minute;
  reported: boolean;
  reviewed: boolean;
}
