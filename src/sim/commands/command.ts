import type { z } from 'zod';
import type { Snapshot } from '../model/snapshot';
import type {
  ActionType,
  ConditionKind,
  InvestigationStep,
  Mitigation,
  OwnershipModel,
  RetroDepth,
  RetroFraming,
  RetroPhase,
  Role,
  RotationWeek,
  SimState,
} from '../model/types';

/** Every player intent, closed. Views and bots only ever dispatch these. */
export type Command =
  | { type: 'setOwnership'; model: OwnershipModel }
  | { type: 'setRotation'; team: string; weeks: RotationWeek[] }
  | { type: 'setTeamFocus'; team: string; reliabilityShare: number }
  | { type: 'acknowledge'; incident: string }
  | { type: 'pageSecondary'; incident: string }
  | { type: 'escalateToExpert'; incident: string }
  | { type: 'pullInTeam'; incident: string; team: string }
  | { type: 'assignRole'; incident: string; role: Role; engineer: string }
  | { type: 'postStatus'; incident: string }
  | { type: 'investigate'; incident: string; step: InvestigationStep; engineer: string }
  | { type: 'mitigate'; incident: string; action: Mitigation }
  | { type: 'handOff'; incident: string; to: string; acknowledged: boolean }
  | { type: 'scheduleRetro'; incident: string }
  | { type: 'advanceRetro'; retro: string; from: RetroPhase }
  | { type: 'interview'; retro: string; depth: RetroDepth; facilitator: string }
  | { type: 'frameRetro'; retro: string; framing: RetroFraming; blamed?: string }
  | {
      type: 'fileActionItem';
      retro?: string;
      factor?: string;
      condition?: string;
      actionType: ActionType;
      owner?: string;
    }
  | { type: 'publishRetro'; retro: string; share: boolean }
  | { type: 'reviewNearMiss'; nearMiss: string }
  | { type: 'runDrill'; team: string; service: string }
  | { type: 'setShadow'; engineer: string; mentor: string | null }
  /**
   * A fire set on purpose: from outside it sets off the service's real weakness of that kind (or the one
   * named); `staged` marks a fire the table set itself, which burns only here and teaches nobody.
   */
  | { type: 'injectIncident'; service: string; kind: ConditionKind; condition?: string; staged?: boolean }
  | { type: 'delegateResponse'; on: boolean }
  | { type: 'chooseInvestment'; week: number; offer: number };

export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type CommandResult = { ok: true } | { ok: false; reason: string };

export const OK: CommandResult = { ok: true };
export const no = (reason: string): CommandResult => ({ ok: false, reason });

/** One player intent: its payload's shape, when it applies, what it does, and how the player names it. */
export interface CommandDefinition<T extends CommandType> {
  type: T;
  /** The payload's shape, checked before anything else (a bad field is named). */
  schema: z.ZodType<CommandOf<T>>;
  /** Whether it applies to this world now, and if not, why — in the player's words. Never changes the world. */
  check(state: Snapshot, cmd: CommandOf<T>): CommandResult;
  /** What it does; runs only after `check` said yes. */
  perform(draft: SimState, cmd: CommandOf<T>): void;
  /** The player's words for it, as a button says it. */
  label: string;
}

/** A command's definition, keeping its schema's own type so the registry can check it yields exactly the command. */
export function defineCommand<T extends CommandType, S extends z.ZodType<CommandOf<T>>>(
  definition: CommandDefinition<T> & { schema: S },
): CommandDefinition<T> & { schema: S } {
  return definition;
}
