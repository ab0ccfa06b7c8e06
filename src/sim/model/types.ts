import type { Minute } from '../clock';
import type { SimEvent } from '../events';
import type { ConditionKind, InvestmentKind, OwnershipModel, Role, TeamKind } from '../kinds';
import type { StreamState } from '../rng';
import type { Incident } from './incident';
import type { ActionItem, NearMiss, Retro } from './learning';
import type { RoundStart, Totals, WeekStats } from './tally';

export * from '../kinds';
export * from './incident';
export * from './learning';
export * from './tally';

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
  /**
   * Where it came from: the scenario, a feature deploy (chance), a feature push the organization chose
   * (bought), or a fire the table staged itself (no real weakness).
   */
  origin: 'scenario' | 'deploy' | 'push' | 'injected';
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
