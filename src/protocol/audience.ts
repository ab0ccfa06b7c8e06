import '../sim/zodConfig';
import { z } from 'zod';
import { down, up } from './wire';

/**
 * The audience's room: phones vote on the presenter's question ("blame or blameless?"), one vote each,
 * changeable while the vote is open; the tally goes out a few times a second and the result when it closes.
 */
export const AUDIENCE_ROOM = 'audience';

const code = z.string().min(1).max(64);

/** What phones and the presenter's console send up. */
export const audienceUp = up({
  /** The presenter opens a vote (with the facilitator code). */
  open: z.object({
    code,
    question: z.string().trim().min(1).max(200),
    options: z.array(z.string().trim().min(1).max(60)).min(2).max(6),
  }),
  /** A phone's vote: the index of its option. */
  vote: z.object({ option: z.number().int().min(0).max(5) }),
  /** Closing a vote may feed its winner to a demo table, which takes it as its retro's framing. */
  close: z.object({ code, table: z.string().min(1).max(64).optional() }),
});

/** A vote as the audience room reports it. */
export interface Tally {
  question: string;
  options: string[];
  counts: number[];
  open: boolean;
}

export interface VoteResult extends Tally {
  winner: string;
  /** The demo table the winner was fed to, and why it could not take it (if it could not). */
  fed: { table: string; refused: string | null } | null;
}

/** What the server sends phones and the console. */
export interface AudienceDown {
  vote: Tally;
  result: VoteResult;
  /** A phone's own vote was counted. */
  counted: { option: number };
  refused: { reason: string };
}

export const audienceDown = down<AudienceDown>({ vote: true, result: true, counted: true, refused: true });
