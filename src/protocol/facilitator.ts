import { z } from 'zod';
import { CONDITION_KINDS } from '../sim';
import type { Tally, VoteResult } from './audience';
import { tableCode, tableOptions } from './table';
import { down, up } from './wire';

/**
 * The facilitator console's room: it sets tables up (each gets a code to join it by), lists every table
 * live, pauses, resumes, sets fires in and closes one or all of them, and runs the audience's vote.
 * Joining takes the facilitator code; wrong codes from one address wait longer and longer.
 *
 * The API for a session screen built on top: join `FACILITATOR_ROOM` with `facilitatorJoin`, send
 * `setUp` with up to `MAX_TABLES_AT_ONCE` tables and read each table's code from `created` (a screen joins a
 * table with `joinById(code, seatRequest)`; the join link is the server's address with `?table=CODE`).
 */
export const FACILITATOR_ROOM = 'facilitator';

export const facilitatorJoin = z.object({ code: z.string().min(1).max(200) });

/** The most tables one `setUp` creates. */
export const MAX_TABLES_AT_ONCE = 50;

const tableRef = z.object({ table: tableCode });

/** A fire the console sets at every table: at one game minute everywhere (the next one all can reach, or a chosen one). */
export const fireEverywhere = z.object({
  service: z.string().min(1).max(80),
  kind: z.enum(CONDITION_KINDS),
  /** The game minute it starts at every table; none: a few minutes past the table furthest on. */
  at: z
    .number()
    .int()
    .min(0)
    .max(13 * 7 * 24 * 60)
    .optional(),
});

/** The longest phase timer or vote countdown, in seconds. */
export const MAX_TIMER_SECONDS = 4 * 60 * 60;

/** What the console sends up. */
export const facilitatorUp = up({
  /** Creates tables, each set up on its own: the server answers with `created` (or `refused`). */
  setUp: z.object({ tables: z.array(tableOptions).min(1).max(MAX_TABLES_AT_ONCE) }),
  pauseAll: z.object({}),
  resumeAll: z.object({}),
  pause: tableRef,
  resume: tableRef,
  inject: tableRef.extend({ service: z.string().min(1).max(80), kind: z.enum(CONDITION_KINDS) }),
  /** Ends a table for good: its screens are told, and it is not brought back after a restart. */
  close: tableRef,
  /** Sets a fire at every open table at the same game minute (kept, so a restart does not lose it). */
  fireEverywhere,
  /** A phase timer for the projector ("Retro: 8:00 left"); no seconds clears it. */
  timer: z.object({
    label: z.string().trim().max(60).default(''),
    seconds: z.number().int().min(1).max(MAX_TIMER_SECONDS).optional(),
  }),
  /** Ends the session: every table's results come back as `results`, then every table is closed. */
  endSession: z.object({}),
  /** Opens a vote on every phone in the audience (a new vote replaces the last). */
  openVote: z.object({
    question: z.string().trim().min(1).max(200),
    options: z.array(z.string().trim().min(1).max(60)).min(2).max(6),
    /** A countdown: the vote closes by itself after this many seconds. */
    seconds: z.number().int().min(5).max(MAX_TIMER_SECONDS).optional(),
    /** The demo table its winner goes to when the countdown closes it. */
    table: tableCode.optional(),
  }),
  /** Closes the vote; its winner may go to a demo table, which takes it as its retro's framing. */
  closeVote: z.object({ table: tableCode.optional() }),
});

/** What the facilitator console shows for each table, kept as the table room's metadata. */
export interface TableSummary {
  label: string;
  scenario: string;
  scenarioId: string;
  /** A bot plays it and the audience frames its retros. */
  demo: boolean;
  /** A retro there waits for the audience's framing. */
  awaitsAudience: boolean;
  phase: 'paused' | 'playing' | 'over';
  minute: number;
  clock: string;
  /** The score and par to one decimal, as the report and the results file give them. */
  score: number;
  par: number;
  liveIncidents: number;
  silentSuccesses: number;
  players: number;
  /** Screens connected now. */
  screens: number;
  /** The scenario's services (for the console's fire list), each with the kinds of its own weaknesses at this table. */
  services: { id: string; name: string; kinds: string[] }[];
  /** The fires still to come at this table, soonest first: the scenario's own and those the facilitator set. */
  upcoming: UpcomingFire[];
}

/** A fire still to come at a table: scheduled by its scenario, or set ahead by the facilitator. */
export interface UpcomingFire {
  at: number;
  clock: string;
  service: string;
  kind: string;
  source: 'scheduled' | 'facilitator';
}

/** Where the venue reaches the server: its addresses (the first is the one to give out) and the projector's key. */
export interface Venue {
  addresses: string[];
  /** Opens the projector's view (`/projector.html#KEY`); only consoles are told it. */
  projectorKey: string;
}

/** A table's results when the session ended: the results file the compare page reads, as text. */
export interface TableResults {
  table: string;
  label: string;
  fileName: string;
  file: string;
}

/** A phase timer: what phase, and when it ends (the server's clock, milliseconds since 1970). */
export interface PhaseTimer {
  label: string;
  endsAt: number;
}

/** One table as the console lists it: its summary and its code. */
export type TableRow = TableSummary & { table: string };

/** A table just set up: its code (to join it by) and its label. */
export interface CreatedTable {
  table: string;
  label: string;
}

/** What the server sends the console. */
export interface FacilitatorDown {
  tables: TableRow[];
  created: { tables: CreatedTable[] };
  /** The audience's vote as it stands, summed over every audience room. */
  tally: Tally;
  result: VoteResult;
  refused: { reason: string };
  venue: Venue;
  /** A fire set at every table: the minute it starts at, and the tables that took it. */
  fired: { at: number; clock: string; tables: string[]; refused: string[] };
  /** The session ended: each table's results, best first. */
  results: { tables: TableResults[] };
  timer: PhaseTimer | null;
}

export const facilitatorDown = down<FacilitatorDown>({
  tables: true,
  created: true,
  tally: true,
  result: true,
  refused: true,
  venue: true,
  fired: true,
  results: true,
  timer: true,
});
