import type { Minute } from './clock';
import type {
  ActionType,
  ConditionKind,
  InvestigationStep,
  InvestmentKind,
  Mitigation,
  OwnershipModel,
  RetroDepth,
  RetroFraming,
  Role,
} from './kinds';

/** What happened, for views, the incident timeline, the retro and the story of the round. */
export type SimEvent = { at: Minute } & (
  | { type: 'incident-started'; incident: string; service: string; kind: ConditionKind; injected: boolean }
  /** A fire set on purpose came, and the weakness held: removed, guarded, or already burning. */
  | {
      type: 'fire-held';
      service: string;
      condition: string;
      kind: ConditionKind;
      why: 'removed' | 'guarded' | 'burning';
    }
  | { type: 'incident-detected'; incident: string; by: 'alert' | 'customer' }
  | { type: 'paged'; incident: string; engineer: string; night: boolean }
  | { type: 'escalated'; incident: string; engineer: string; reason: 'timeout' | 'secondary' | 'expert' }
  /** Nobody on the pager team could act, so the page went to someone outside it. */
  | { type: 'page-rerouted'; incident: string; team: string; engineer: string }
  | { type: 'acknowledged'; incident: string; engineer: string }
  | { type: 'investigating'; incident: string }
  | { type: 'diagnosed'; incident: string; progress: number }
  | { type: 'investigation-started'; incident: string; step: InvestigationStep; engineer: string; minutes: number }
  /** A step's minutes are up: what it showed, and how many classes of failure it leaves open. */
  | { type: 'clue-found'; incident: string; step: InvestigationStep; engineer: string; text: string; classes: number }
  /** Clues a handoff without a proper briefing lost. */
  | { type: 'clues-lost'; incident: string; engineer: string; lost: number }
  | { type: 'delegation-changed'; on: boolean }
  | {
      type: 'team-pulled-in';
      incident: string;
      team: string;
      engineer: string;
      /** When they can start working it; a fire spreading into the team's service pages them itself. */
      joinsAt?: number;
      via?: 'player' | 'spread';
    }
  | { type: 'role-assigned'; incident: string; role: Role; engineer: string }
  | { type: 'status-posted'; incident: string }
  | { type: 'mitigation-started'; incident: string; action: Mitigation; engineer: string }
  | { type: 'mitigation-finished'; incident: string; action: Mitigation; outcome: 'worked' | 'wasted' | 'worse' }
  | { type: 'severity-rose'; incident: string; sev: number }
  | { type: 'spread'; incident: string; service: string }
  | { type: 'incident-mitigated'; incident: string }
  | { type: 'incident-resolved'; incident: string; customerMinutes: number }
  | { type: 'handoff'; incident: string; from: string; to: string; acknowledged: boolean }
  | { type: 'deploy'; service: string; newCondition: string | null }
  | { type: 'near-miss'; nearMiss: string; service: string; reported: boolean }
  | { type: 'near-miss-reviewed'; nearMiss: string }
  | { type: 'retro-scheduled'; retro: string; incident: string | null }
  | { type: 'retro-step'; retro: string; phase: string }
  | { type: 'retro-framed'; retro: string; framing: RetroFraming; blamed: string | null }
  | { type: 'retro-depth'; retro: string; depth: RetroDepth; facilitator: string }
  | { type: 'factor-surfaced'; retro: string; factor: string; text: string }
  | { type: 'action-item-filed'; item: string; actionType: ActionType; title: string }
  | { type: 'action-item-closed'; item: string; title: string; condition: string | null }
  | { type: 'action-item-stale'; item: string }
  | { type: 'retro-published'; retro: string; shared: boolean; revealed: number }
  | { type: 'drill'; team: string; service: string /** The class of weakness it brought to light. */; found?: string }
  | { type: 'burnout'; engineer: string; team: string }
  | { type: 'hired'; engineer: string; team: string }
  | { type: 'ownership-changed'; model: OwnershipModel }
  | { type: 'shadowing'; engineer: string; mentor: string | null }
  | { type: 'peak-announced'; peak: number; name: string; startsAt: Minute }
  | { type: 'peak-started'; peak: number; name: string }
  | { type: 'investment-chosen'; week: number; kind: InvestmentKind; service: string; team: string }
  | { type: 'round-lost'; cause: 'trust' | 'people'; reason: string }
  | { type: 'round-over' }
);

export type SimEventType = SimEvent['type'];
