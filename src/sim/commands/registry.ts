import type { z } from 'zod';
import { own } from '../commandChecks';
import type { Snapshot } from '../model/snapshot';
import type { SimState } from '../model/types';
import { clip } from '../scenario/limits';
import { formatPath } from '../scenario/validate';
import { acknowledge } from './acknowledge';
import { advanceRetro } from './advanceRetro';
import { assignRole } from './assignRole';
import { chooseInvestment } from './chooseInvestment';
import {
  type Command,
  type CommandDefinition,
  type CommandOf,
  type CommandResult,
  type CommandType,
  no,
} from './command';
import { delegateResponse } from './delegateResponse';
import { escalateToExpert } from './escalateToExpert';
import { fileActionItem } from './fileActionItem';
import { frameRetro } from './frameRetro';
import { handOff } from './handOff';
import { injectIncident } from './injectIncident';
import { interview } from './interview';
import { investigate } from './investigate';
import { mitigate } from './mitigate';
import { pageSecondary } from './pageSecondary';
import { postStatus } from './postStatus';
import { publishRetro } from './publishRetro';
import { pullInTeam } from './pullInTeam';
import { reviewNearMiss } from './reviewNearMiss';
import { runDrill } from './runDrill';
import { scheduleRetro } from './scheduleRetro';
import { setOwnership } from './setOwnership';
import { setRotation } from './setRotation';
import { setShadow } from './setShadow';
import { setTeamFocus } from './setTeamFocus';

const definitions = {
  setOwnership,
  setRotation,
  setTeamFocus,
  acknowledge,
  pageSecondary,
  escalateToExpert,
  pullInTeam,
  assignRole,
  postStatus,
  investigate,
  mitigate,
  handOff,
  scheduleRetro,
  advanceRetro,
  interview,
  frameRetro,
  fileActionItem,
  publishRetro,
  reviewNearMiss,
  runDrill,
  setShadow,
  injectIncident,
  delegateResponse,
  chooseInvestment,
};

/** Every command type with its definition: a command without one does not compile. */
export const commandRegistry: { readonly [T in CommandType]: CommandDefinition<T> } = definitions;

/** And each schema yields exactly its own command: neither more nor less than the `Command` type says. */
type Exact<T extends CommandType> = [z.output<(typeof definitions)[T]['schema']>] extends [CommandOf<T>]
  ? [CommandOf<T>] extends [z.output<(typeof definitions)[T]['schema']>]
    ? true
    : false
  : false;
const schemasMatchCommands: { [T in CommandType]: Exact<T> }[CommandType] extends true ? true : false = true;
void schemasMatchCommands;

/** Every command type, for tools and tests that enumerate intents. */
export const COMMAND_TYPES = Object.keys(commandRegistry) as CommandType[];

function definitionOf(type: unknown): CommandDefinition<CommandType> | undefined {
  return own(commandRegistry, type) as CommandDefinition<CommandType> | undefined;
}

/**
 * A command from outside, as its schema reads it: unknown fields are dropped, so only what the command
 * says is kept (and logged, and sent on). Or the problem, naming the field.
 */
export function parseCommand(raw: unknown): { ok: true; command: Command } | { ok: false; problem: string } {
  const problem = payloadProblem(raw);
  if (problem !== null) return { ok: false, problem };
  const definition = definitionOf((raw as { type: unknown }).type) as CommandDefinition<CommandType>;
  return { ok: true, command: definition.schema.parse(raw) as Command };
}

/**
 * Shapes already found well formed, by their text: a bot asks the same few commands look after look.
 * A text that passed once passes again (a command whose text hides a bad value, such as NaN written as
 * null, is judged afresh, since only passes are remembered). Kept small.
 */
const wellFormed = new Set<string>();

/** What is wrong with a command's shape, naming the field; null when it is well formed. */
export function payloadProblem(command: unknown): string | null {
  if (!command || typeof command !== 'object' || Array.isArray(command))
    return 'unknown command (a command is an object with a type)';
  let text: string | undefined;
  try {
    text = JSON.stringify(command);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.length > 400) return shapeProblem(command);
  if (wellFormed.has(text)) return null;
  const problem = shapeProblem(command);
  if (problem !== null) return problem;
  if (wellFormed.size >= 20_000) wellFormed.clear();
  wellFormed.add(text);
  return null;
}

function shapeProblem(command: object): string | null {
  const type = (command as { type?: unknown }).type;
  const definition = definitionOf(type);
  if (!definition) return `unknown command ${typeof type === 'string' ? `"${clip(type, 40)}"` : ''}`.trim();
  const parsed = definition.schema.safeParse(command);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return `${definition.type}: not a valid command`;
  const field = issue.path.length > 0 ? formatPath(issue.path) : 'command';
  return `${definition.type}: bad ${field} (${clip(issue.message)})`;
}

/** Whether a command would apply to this world now, and if not, why. Changes nothing. */
export function checkCommand(state: Snapshot, cmd: Command): CommandResult {
  const problem = payloadProblem(cmd);
  if (problem !== null) return no(problem);
  return (definitionOf(cmd.type) as CommandDefinition<CommandType>).check(state, cmd);
}

/** Applies one command to a draft; malformed or refused commands change nothing and say why. */
export function applyCommand(state: SimState, cmd: Command): CommandResult {
  const problem = payloadProblem(cmd);
  if (problem !== null) return no(problem);
  const definition = definitionOf(cmd.type) as CommandDefinition<CommandType>;
  const verdict = definition.check(state, cmd);
  if (verdict.ok) definition.perform(state, cmd);
  return verdict;
}

/** Carries out a command that `checkCommand` has just accepted on this same world (no second check). */
export function performChecked(state: SimState, cmd: Command): void {
  (definitionOf(cmd.type) as CommandDefinition<CommandType>).perform(state, cmd);
}
