/**
 * The closed lists of the world: kinds of weakness, fixes, roles, investigation steps, retro choices and
 * investments. Every other part of the simulation (the model, the machines, the events) reads them from here,
 * so none of those parts needs another to name a kind.
 */
export const CONDITION_KINDS = [
  'capacity',
  'config',
  'deploy',
  'dependency',
  'data',
  'certificate',
  'retry-storm',
  'duplicate-delivery',
  'alert-noise',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const MITIGATIONS = ['rollback', 'failover', 'scale-up', 'flag-off', 'restart'] as const;
export type Mitigation = (typeof MITIGATIONS)[number];

export const ROLES = ['commander', 'ops', 'comms'] as const;
export type Role = (typeof ROLES)[number];

export type OwnershipModel = 'ops-team' | 'you-build-it' | 'hybrid';
export type TeamKind = 'dev' | 'ops' | 'sre';

export const INVESTIGATION_STEPS = ['dashboards', 'logs', 'deploys', 'dependency', 'runbook', 'expert'] as const;
export type InvestigationStep = (typeof INVESTIGATION_STEPS)[number];

export const ACTION_TYPES = ['prevent', 'mitigate', 'repair'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type RetroDepth = 'quick' | 'deep';
export type RetroFraming = 'blameless' | 'blame';

export const INVESTMENT_KINDS = ['observability', 'runbook', 'hire', 'drill', 'feature-push'] as const;
export type InvestmentKind = (typeof INVESTMENT_KINDS)[number];
