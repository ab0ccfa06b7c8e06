import { z } from 'zod';
import type { PhaseTimer, TableSummary } from './facilitator';
import { down, up } from './wire';

/**
 * The projector's room: a view for the audience and the tables, apart from the console, with nothing to
 * steer. It shows the address to vote at, the phones connected and the votes cast, the vote's countdown and
 * (only once it closes) its result, the phase timer, and the tables ranked. Joining takes the key the console
 * gives out in the projector's link, so a phone cannot open it by guessing.
 */
export const PROJECTOR_ROOM = 'projector';

export const projectorJoin = z.object({ key: z.string().min(8).max(80) });

/** A projector sends nothing up: anything it says is refused and counted against it. */
export const projectorUp = up({});

/** The vote as the projector shows it: counts only once it has closed. */
export interface ProjectedVote {
  question: string;
  options: string[];
  open: boolean;
  closesAt: number | null;
  /** Votes cast so far (every device's one vote). */
  votes: number;
  /** Each answer's votes: null while the vote is open, so nobody follows the crowd. */
  counts: number[] | null;
  winner: string | null;
}

/** A table on the projector: its place in the ranking and what it shows of its round. */
export interface ProjectedTable {
  label: string;
  clock: string;
  phase: 'paused' | 'playing' | 'over';
  score: number;
  par: number;
  silentSuccesses: number;
}

/** What the projector shows of a table's summary. */
export function projectedTable(r: TableSummary): ProjectedTable {
  return {
    label: r.label,
    clock: r.clock,
    phase: r.phase,
    score: r.score,
    par: r.par,
    silentSuccesses: r.silentSuccesses,
  };
}

export interface ProjectorScreen {
  /** The server's clock when this was sent, so a projector whose own clock is off still counts down right. */
  now: number;
  /** The address to give out for votes and tables (the server's own, as the venue reaches it). */
  address: string;
  phones: number;
  vote: ProjectedVote | null;
  timer: PhaseTimer | null;
  /** Best first, by score minus par, then silent successes. */
  tables: ProjectedTable[];
  /** The facilitator ended the session: the ranking is final. */
  ended: boolean;
}

export interface ProjectorDown {
  screen: ProjectorScreen;
}

export const projectorDown = down<ProjectorDown>({ screen: true });
