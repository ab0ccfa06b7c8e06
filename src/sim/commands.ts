/** Every player intent and how it applies: one module per command under ./commands, one registry. */
export type { Command, CommandResult, CommandType } from './commands/command';
export {
  applyCommand,
  COMMAND_TYPES,
  checkCommand,
  commandRegistry,
  parseCommand,
  payloadProblem,
  performChecked,
} from './commands/registry';
