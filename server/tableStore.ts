import type { SeatRole } from '../src/round/seats';
import type { LogEntry, OwnershipModel, Scenario } from '../src/sim';

/** How a table was set up: what its round is (scenario, seed, weeks, ownership) and what it is called. */
export interface TableSetup {
  code: string;
  label: string;
  scenario: Scenario;
  seed: number;
  weeks: number;
  ownership?: OwnershipModel;
  demo: boolean;
  /** The clock stops when the pager goes off (tables kept before this was asked stop too). */
  autoPause?: boolean;
  /** A demo table: one audience vote frames every retro ('once'), or a vote at each retro (the default). */
  audience?: 'each-retro' | 'once';
  createdAt: string;
}

/** A seat as kept: the player, the role and a hash of the seat's token (never the token itself). */
export interface KeptSeat {
  player: string;
  role: SeatRole;
  key: string;
}

/** A fire the facilitator set ahead: it starts at its game minute (the same minute at every table of a session). */
export interface PlannedFire {
  id: string;
  at: number;
  service: string;
  kind: string;
}

/**
 * One kept line of a table, appended in order: an entry of the round's log, the minute the server's round
 * reached, a seat taken, a seat given up, a fire planned ahead or started, or the table closed for good.
 */
export type TableLine =
  | { e: LogEntry }
  | { m: number }
  | { s: KeptSeat }
  | { x: string }
  | { p: PlannedFire }
  | { pf: string }
  | { closed: string };

/** Everything kept of a table: enough to bring it back at the same minute with the same world. */
export interface KeptTable {
  setup: TableSetup;
  entries: LogEntry[];
  until: number;
  seats: KeptSeat[];
  /** Fires planned ahead that have not started yet. */
  plans: PlannedFire[];
  closed: string | null;
}

/**
 * Where tables are kept: files in a data folder for one process, Redis for several. `keep` returns once
 * the lines are written (a promise when the store is remote), and only then does a table tell its screens.
 */
export interface TableStore {
  create(setup: TableSetup): Promise<void>;
  keep(code: string, lines: TableLine[]): undefined | Promise<void>;
  read(code: string): Promise<KeptTable | null>;
  /** The codes of tables not closed. */
  open(): Promise<string[]>;
  /** Marks a table closed: it is not brought back after a restart. */
  close(code: string, reason: string): Promise<void>;
  /** Takes a table for this process (no other process will run it while this one lives); false when taken. */
  claim(code: string, owner: string): Promise<boolean>;
  /** Whether some process runs the table now. */
  running(code: string): Promise<boolean>;
  /** Lets a table go (its room was disposed). */
  release(code: string, owner: string): Promise<void>;
  shutdown(): Promise<void>;
}

/** A table from its setup and its lines in order; a torn last line (a crash mid-write) is left out by the reader. */
export function foldTable(setup: TableSetup, lines: readonly TableLine[]): KeptTable {
  const table: KeptTable = { setup, entries: [], until: 0, seats: [], plans: [], closed: null };
  for (const line of lines) {
    if ('e' in line) {
      table.entries.push(line.e);
      table.until = Math.max(table.until, line.e.at);
    } else if ('m' in line) table.until = Math.max(table.until, line.m);
    else if ('s' in line) table.seats = [...table.seats.filter((s) => s.player !== line.s.player), line.s];
    else if ('x' in line) table.seats = table.seats.filter((s) => s.player !== line.x);
    else if ('p' in line) table.plans = [...table.plans, line.p];
    else if ('pf' in line) table.plans = table.plans.filter((p) => p.id !== line.pf);
    else if ('closed' in line) table.closed = line.closed;
  }
  return table;
}

/** Reads kept JSON lines, stopping at the first that does not parse (only a crash mid-write leaves one). */
export function parseLines(texts: readonly string[]): { setup: TableSetup | null; lines: TableLine[] } {
  let setup: TableSetup | null = null;
  const lines: TableLine[] = [];
  for (const text of texts) {
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      break;
    }
    if (value && typeof value === 'object' && 'setup' in value) setup = (value as { setup: TableSetup }).setup;
    else lines.push(value as TableLine);
  }
  return { setup, lines };
}
