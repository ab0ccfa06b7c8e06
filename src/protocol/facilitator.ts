import '../sim/zodConfig';
import { z } from 'zod';
import { CONDITION_KINDS } from '../sim';
import { down, up } from './wire';

/**
 * The facilitator console's room: a live list of every table on the server and the controls to pause,
 * resume and set fires in one or all of them. Joining takes the facilitator code.
 */
export const FACILITATOR_ROOM = 'facilitator';

export const facilitatorJoin = z.object({ code: z.string().min(1).max(64) });

const tableRef = z.object({ table: z.string().min(1).max(64) });

/** What the console sends up. */
export const facilitatorUp = up({
  pauseAll: z.object({}),
  resumeAll: z.object({}),
  pause: tableRef,
  resume: tableRef,
  inject: tableRef.extend({ service: z.string().min(1).max(80), kind: z.enum(CONDITION_KINDS) }),
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
}

/** One table as the console lists it: its summary and its code. */
export type TableRow = TableSummary & { table: string };

/** What the server sends the console. */
export interface FacilitatorDown {
  tables: TableRow[];
  refused: { reason: string };
}

export const facilitatorDown = down<FacilitatorDown>({ tables: true, refused: true });
