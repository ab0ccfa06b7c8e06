import { z } from 'zod';
import { builtInScenarios } from '../content/scenarios';
import { SEAT_ROLES, type Seat } from '../round/seats';
import { type Command, type InputLog, type LogEntry, parseCommand } from '../sim';
import { readTableCode } from './tableCode';
import { down, up } from './wire';

/**
 * A table room: the server plays the round and is its only judge; screens send decisions and clock
 * controls up and receive the round's log and minutes. Both ends and the room tests use these maps.
 */
export const TABLE_ROOM = 'table';

const scenarioIds = Object.keys(builtInScenarios) as [string, ...string[]];

/** The largest scenario file a facilitator may upload for a table, in characters. */
export const MAX_TABLE_SCENARIO_CHARS = 200_000;

/**
 * How the facilitator sets a table up: a built-in scenario (or the text of the facilitator's own file), a
 * seed, a round length, the ownership model and a label. Only the facilitator console creates tables.
 */
export const tableOptions = z.object({
  scenario: z.enum(scenarioIds).default('platform'),
  /** The facilitator's own scenario file, as text; when given it replaces the built-in `scenario`. */
  scenarioText: z.string().max(MAX_TABLE_SCENARIO_CHARS).optional(),
  seed: z.number().int().min(-2147483648).max(2147483647).default(42),
  weeks: z.number().int().min(1).max(13).default(4),
  ownership: z.enum(['ops-team', 'you-build-it', 'hybrid']).optional(),
  label: z.string().trim().max(40).default(''),
  /** A demo table: a bot plays it, and an audience's vote makes its retros' framing decision. */
  demo: z.boolean().default(false),
  /** The table's clock stops when the pager goes off, so the table talks before it acts. */
  autoPause: z.boolean().default(true),
  /** A demo table: the audience frames every retro by one vote for the whole talk, or by a vote at each retro. */
  audience: z.enum(['each-retro', 'once']).default('each-retro'),
});
export type TableOptions = z.input<typeof tableOptions>;

/** A table's code as typed (any case, dashes ignored), read into its canonical form or refused. */
export const tableCode = z.string().transform((typed, ctx): string => {
  const read = readTableCode(typed);
  if (read.ok) return read.code;
  ctx.addIssue({ code: 'custom', message: read.problem });
  return z.NEVER;
});

/**
 * Taking a seat (the options of joining a table by its code): a name and a role (a spectator only watches).
 * A screen coming back brings the seat's token, which the server gave it at its first join.
 */
export const seatRequest = z.object({
  player: z.string().trim().min(1).max(40).default('Player'),
  role: z.enum(SEAT_ROLES).default('spectator'),
  token: z.string().min(16).max(64).optional(),
});
export type SeatRequest = z.input<typeof seatRequest>;

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
  /**
   * The log so far, the screen's own seat, the seat's secret token (to come back to it after a drop or a
   * restart of the server) and the clock: a (re)joining screen replays from here. Sent once per join.
   */
  welcome: { log: InputLog; seat: Seat | null; token: string | null; label: string } & ClockState;
  /** New entries of the round's log, credited to the seat that gave them (if any). */
  entries: { entries: LogEntry[]; seat: Seat | null };
  /** The server's minute moved on. */
  tick: { minute: number };
  control: ClockState;
  refused: { reason: string };
  /** Who sits at the table. */
  seats: Seat[];
  hash: { minute: number; stateHash: string };
  /** The table is over for good: its round ended and the facilitator closed it, or the facilitator closed it. */
  closed: { reason: string };
}

export const tableDown = down<TableDown>({
  welcome: true,
  entries: true,
  tick: true,
  control: true,
  refused: true,
  seats: true,
  hash: true,
  closed: true,
});
