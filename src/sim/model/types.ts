import type { Minute } from '../clock';
import type { SimEvent } from '../events';
import type { IncidentPhase } from '../machines/incidentMachine';
import type { RetroPhase } from '../machines/retroMachine';
import type { StreamState } from '../rng';

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

export interface Service {
  id: string;
  name: string;
  team: string;
  dependsOn: string[];
  /** How much users feel an outage here, 0..1. */
  customerWeight: number;
  /** Typical load, 0..1; hazards rise with it. */
  load: number;
  /** How fast and how reliably an outage is seen by alerts, 0..1. */
  observability: number;
  runbook: number;
  lastDeployAt: Minute | null;
  /** Minute the owning team last touched it (deploy, drill, fix); neglect grows from here. */
  lastTouchedAt: Minute;
  featureProgress: number;
  deploys: number;
  /**
   * What the owning team has learned from carrying this service's pager, 0..1: rises with each page
   * its own team handles, fades slowly; its deploys bring fewer new weaknesses as it rises.
   */
  ownerFeedback?: number;
}

export interface LatentCondition {
  id: string;
  service: string;
  kind: ConditionKind;
  /** 1 = full hazard; action items weaken it; 0 = removed. */
  strength: number;
  /** Known to the organization (surfaced by a retro, near-miss review or shared write-up). */
  revealed: boolean;
  createdAt: Minute;
  /** Where it came from: the scenario, a feature deploy, or a facilitator. */
  origin: 'scenario' | 'deploy' | 'injected';
  fired: number;
  /**
   * After a fire that was only restarted, rolled back or failed over, the same failure comes back
   * more readily until this minute; closing the right action item ends it.
   */
  relapseUntil?: Minute | null;
  /** What weakened or removed it, and when: the record silent successes are attributed from. */
  weakened?: ConditionChange[];
}

/** One change to a latent condition made by the organization's learning. */
export interface ConditionChange {
  at: Minute;
  by: 'item' | 'retro';
  /** The action item or retro that made it. */
  id: string;
  title: string;
  strengthBefore: number;
  strengthAfter: number;
}

export interface Team {
  id: string;
  name: string;
  color: string;
  kind: TeamKind;
  site: string;
  /** Westrum position: 0 pathological … 1 generative. */
  culture: number;
  /** Share of capacity the team gives to reliability work and learning, 0..0.6. */
  reliabilityShare: number;
  /** Shifts counted / shifts over the pager budget, for the one-third rule. */
  shifts: number;
  shiftsOverBudget: number;
  hiringUntil: Minute | null;
  lastDrillAt: Minute | null;
  /** Hours the team owes before feature work: follow-ups, retros, drills, reviews. */
  owedHours: number;
  /** Share of the last work hour spent on toil. */
  toilShare: number;
  /** Incidents paged to this team in the current shift. */
  shiftPages: number;
}

export interface Engineer {
  id: string;
  name: string;
  team: string;
  site: string;
  knowledge: Record<string, number>;
  lastExposure: Record<string, Minute>;
  fatigue: number;
  morale: number;
  /** Trust in blamelessness, 0..1. */
  trust: number;
  practised: Role[];
  status: 'active' | 'left';
  joinedAt: Minute;
  leftAt: Minute | null;
  /** Pages in the current 12-hour shift. */
  pagesThisShift: number;
  busyUntil: Minute;
  shadowing: string | null;
  incidentsHandled: number;
  heroCalls: number;
  /** Pages over about the last four weeks (a fading count) [PD]. */
  pagesThisMonth?: number;
  /** Hours carrying a pager this week, and weeks on call in a row without a week off [SRE-11]. */
  onCallHoursThisWeek?: number;
  onCallWeeksInRow?: number;
}

export interface RotationWeek {
  primary: string;
  secondary: string;
}

export interface Rotation {
  /** Per pager-carrying team, one entry per week (cycled if the round is longer). */
  byTeam: Record<string, RotationWeek[]>;
}

/** The phases come from the incident machine, the one place that says how an incident moves. */
export type { IncidentPhase };

/** What a responder can look at while investigating; each costs their minutes and yields a clue. */
export const INVESTIGATION_STEPS = ['dashboards', 'logs', 'deploys', 'dependency', 'runbook', 'expert'] as const;
export type InvestigationStep = (typeof INVESTIGATION_STEPS)[number];

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

export const ACTION_TYPES = ['prevent', 'mitigate', 'repair'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

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

export type RetroDepth = 'quick' | 'deep';
export type RetroFraming = 'blameless' | 'blame';
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

export interface WeekStats {
  incidents: number;
  pages: number;
  customerMinutes: number;
  downMinutes: number;
  learning: number;
}

export interface Totals {
  incidents: number;
  pages: number;
  nightPages: number;
  customerMinutes: number;
  /** Service-minutes down, weighted by customer weight, for availability. */
  downMinutes: number;
  businessValue: number;
  burnouts: number;
  toilHours: number;
  workHours: number;
  nearMisses: number;
  nearMissesReported: number;
  nearMissesReviewed: number;
  retros: number;
  retrosShared: number;
  actionItemsClosed: number;
  drills: number;
  hires: number;
  shiftsWithinBudget: number;
  shiftsCounted: number;
  factorsSurfaced: string[];
  /** The score's ledger: effects on the world, each added at the moment it happened. */
  effects?: EffectLedger;
}

/** Every scored effect, accrued from zero as it happens. */
export interface EffectLedger {
  /** Expected weekly customer impact removed from latent conditions (items, shared retros). */
  riskRemoved: number;
  /** Expected weekly customer impact of conditions the organization came to know about. */
  riskRevealed: number;
  /** Faster detection and diagnosis where it matters: runbook and alert gains weighted by the service's live risk. */
  responseImproved: number;
  /** Pages a person took beyond the budget of two per 12-hour shift. */
  pagesOverBudget: number;
  /** Team-hours worked while the team's toil was above one half. */
  toilOverHalfHours: number;
  /** Status updates that reached customers (at most one per half-hour stretch of an incident). */
  statusUpdatesHeard: number;
}

/** The world as the round began, for scoring change rather than level. */
export interface RoundStart {
  meanTrust: number;
  customerTrust: number;
  /** Per service, how many people could handle it. */
  busFactor: Record<string, number>;
  /** Per service, how far knowledge reached beyond the best expert. */
  reach?: Record<string, number>;
}

/** A known big moment (a launch, a sale): load on its services multiplied, announced days ahead. */
export interface Peak {
  name: string;
  services: string[];
  multiplier: number;
  /** When it starts and ends (minutes of the round), and when it is announced. */
  from: Minute;
  until: Minute;
  announceAt: Minute;
}

export const INVESTMENT_KINDS = ['observability', 'runbook', 'hire', 'drill', 'feature-push'] as const;
export type InvestmentKind = (typeof INVESTMENT_KINDS)[number];

/** One of the week's offers: what it improves, where, and what it costs. */
export interface InvestmentOffer {
  kind: InvestmentKind;
  service: string;
  team: string;
  /** Team hours owed before feature work (negative never). */
  costHours: number;
}

/** The investment chosen in a week. */
export interface Investment extends InvestmentOffer {
  week: number;
  offer: number;
  at: Minute;
  /** A hire: whether the person has arrived. */
  arrived?: boolean;
}

/** Why a round was lost, and when: the round ends there. */
export interface RoundLoss {
  cause: 'trust' | 'people';
  at: Minute;
  reason: string;
}

export interface SimState {
  schemaVersion: 1;
  seed: number;
  scenarioId: string;
  scenarioName: string;
  now: Minute;
  weeks: number;
  ownership: OwnershipModel;
  services: Record<string, Service>;
  serviceOrder: string[];
  conditions: Record<string, LatentCondition>;
  teams: Record<string, Team>;
  teamOrder: string[];
  engineers: Record<string, Engineer>;
  engineerOrder: string[];
  rotation: Rotation;
  incidents: Record<string, Incident>;
  incidentOrder: string[];
  retros: Record<string, Retro>;
  actionItems: Record<string, ActionItem>;
  nearMisses: Record<string, NearMiss>;
  customerTrust: number;
  /** Hours each site is ahead of the game clock (the first site's time). */
  siteOffsets?: Record<string, number>;
  streams: Record<string, StreamState>;
  nextId: number;
  /** The event log in chunks, so appending stays cheap as the round grows. */
  log: SimEvent[][];
  openIncidents: string[];
  weekly: WeekStats[];
  totals: Totals;
  namePool: string[];
  start?: RoundStart;
  /** The team runs its own investigation and applies the fix the clues point to (the facilitator's choice). */
  delegated?: boolean;
  /** The scenario's announced peaks. */
  peaks?: Peak[];
  /** The investments chosen between weeks, one a week at most. */
  investments?: Investment[];
  /** Set when the round was lost: it ends at that minute. */
  lost?: RoundLoss | null;
}
