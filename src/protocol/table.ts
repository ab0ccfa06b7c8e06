import '../sim/zodConfig';
import { z } from 'zod';
import { builtInScenarios } from '../content/scenarios';
import { SEAT_ROLES, type Seat } from '../round/seats';
import { type Command, type InputLog, type LogEntry, parseCommand } from '../sim';
import { down, up } from './wire';

/**
 * A table room: the server plays the round and is its only judge; screens send decisions and clock
 * controls up and receive the round's log and minutes. Both ends and the room tests use these maps.
 */
export const TABLE_ROOM = 'table';

const scenarioIds = Object.keys(builtInScenarios) as [string, ...string[]];

/** How a table is set up: a built-in scenario, a seed and a round length (what a share code carries). */
export const tableOptions = z.object({
  scenario: z.enum(scenarioIds).default('platform'),
  seed: z.number().int().min(-2147483648).max(2147483647).default(42),
  weeks: z.number().int().min(1).max(13).default(4),
  label: z.string().max(40).default(''),
  /** A demo table: a bot plays it, and an audience's vote makes its retros' framing decision. */
  demo: z.boolean().default(false),
});
export type TableOptions = z.infer<typeof tableOptions>;

/** Taking a seat: a name and a role at the table (a spectator only watches). */
export const seatRequest = z.object({
  player: z.string().trim().min(1).max(40).default('Player'),
  role: z.enum(SEAT_ROLES).default('spectator'),
});

/** A decision from a seat: read by the command's own schema, so only what it says is kept. */
const command = z.unknown().transform((raw, ctx): Command => {
  const read = parseCommand(raw);
  if (read.ok) return read.command;
  ctx.addIssue({ code: 'custom', message: read.problem });
  return z.NEVER;
});

export const controlRequest = z.discriminatedUnion('control', [
  z.object({ control: z.literal('pause') }),
  z.object({ control: z.literal('resume') }),
  z.object({ control: z.literal('speed'), value: z.number().int().min(1).max(8) }),
]);
export type ControlRequest = z.infer<typeof controlRequest>;

const nothing = z.object({});

/** What a screen sends up. */
export const tableUp = up({
  /** Asks for the log so far; sent once the screen's listeners are in place (on joining and after reconnecting). */
  hello: nothing,
  command,
  control: controlRequest,
  /** Asks for the server's state hash at its minute (tests compare each screen's replay with it). */
  hash: nothing,
});

/** Whether the table's clock runs, and how fast. */
export interface ClockState {
  paused: boolean;
  speed: number;
}

/** What the server sends down to the table's screens. */
export interface TableDown {
  /** The log so far, the screen's own seat and the clock: a (re)joining screen replays from here. */
  welcome: { log: InputLog; seat: Seat | null } & ClockState;
  /** New entries of the round's log, credited to the seat that gave them (if any). */
  entries: { entries: LogEntry[]; seat: Seat | null };
  /** The server's minute moved on. */
  tick: { minute: number };
  control: ClockState;
  refused: { reason: string };
  /** Who sits at the table. */
  seats: Seat[];
  hash: { minute: number; stateHash: string };
}

export const tableDown = down<TableDown>({
  welcome: true,
  entries: true,
  tick: true,
  control: true,
  refused: true,
  seats: true,
  hash: true,
});
