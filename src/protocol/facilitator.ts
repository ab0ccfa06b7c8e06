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
  /** Opens a vote on every phone in the audience (a new vote replaces the last). */
  openVote: z.object({
    question: z.string().trim().min(1).max(200),
    options: z.array(z.string().trim().min(1).max(60)).min(2).max(6),
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
  score: number;
  par: number;
  liveIncidents: number;
  silentSuccesses: number;
  players: number;
  /** Screens connected now. */
  screens: number;
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
}

export const facilitatorDown = down<FacilitatorDown>({
  tables: true,
  created: true,
  tally: true,
  result: true,
  refused: true,
});
