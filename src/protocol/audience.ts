// Reading the simulation's door first sets zod to run without new Function (a strict CSP holds).
import '../sim';
import { z } from 'zod';
import { down, up } from './wire';

/**
 * The audience's rooms: phones vote on the presenter's question ("blame or blameless?"), one vote per
 * device, changeable while the vote is open; the tally goes out a few times a second and the result when it
 * closes. The audience is spread over rooms of at most `AUDIENCE_SHARD` phones that sum their tallies, so
 * one vote is counted once and reaches every phone. The presenter opens and closes votes from the
 * facilitator console.
 */
export const AUDIENCE_ROOM = 'audience';

/** The most phones in one audience room. */
export const AUDIENCE_SHARD = 500;

/** Joining the audience: a phone coming back brings the device token the server gave it. */
export const audienceJoin = z.object({ device: z.string().min(16).max(120).optional() });

/** What phones send up. */
export const audienceUp = up({
  /** A phone's vote: the index of its option. */
  vote: z.object({ option: z.number().int().min(0).max(5) }),
});

/** A vote as the audience room reports it. */
export interface Tally {
  question: string;
  options: string[];
  counts: number[];
  open: boolean;
  /** When a countdown closes it (the server's clock, milliseconds since 1970); null when the presenter closes it. */
  closesAt: number | null;
}

export interface VoteResult extends Tally {
  winner: string;
  /** The demo table the winner was fed to, and why it could not take it (if it could not). */
  fed: { table: string; refused: string | null } | null;
}

/** An open vote as phones get it: with the server's clock when it was sent. */
export interface SentTally extends Tally {
  /** The server's clock when this left it (milliseconds since 1970): a phone counts down by it, not by its own. */
  now: number;
}

/**
 * The server's clock minus this phone's, from a tally it just received: a phone whose clock is wrong (set by
 * hand, a wrong time zone written as local time, drifted) still closes its countdown when the server does.
 */
export const serverSkew = (sent: Pick<SentTally, 'now'>, receivedAt: number): number => sent.now - receivedAt;

/** Milliseconds until `closesAt` (the server's clock), read on a device whose clock is `skew` behind the server's. */
export const msUntil = (closesAt: number, skew: number, deviceNow: number): number =>
  Math.max(0, closesAt - (deviceNow + skew));

/** What the server sends phones. */
export interface AudienceDown {
  /** This device's token (kept by the phone, so its vote stays its own across drops and restarts). */
  device: { token: string };
  vote: SentTally;
  result: VoteResult;
  /** A phone's own vote was counted (or, on joining, the vote this device had already cast). */
  counted: { option: number };
  refused: { reason: string };
}

export const audienceDown = down<AudienceDown>({
  device: true,
  vote: true,
  result: true,
  counted: true,
  refused: true,
});
