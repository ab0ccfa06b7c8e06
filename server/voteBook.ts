import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Presence } from '@colyseus/core';
import type { Tally, VoteResult } from '../src/protocol/audience';

const VOTE = 'firepants:vote';
const votes = (id: string) => `firepants:votes:${id}`;
const counts = (id: string) => `firepants:counts:${id}`;
const closing = (id: string) => `firepants:closing:${id}`;
/** The channel every audience room and console hears a vote's opening and closing on. */
export const VOTE_CHANNEL = 'firepants:audience';

/** The vote as kept: its question and options, whether it is open, and once closed its result. */
export interface KeptVote extends Tally {
  id: string;
  /** The demo table the winner goes to when the countdown closes the vote. */
  feed?: string | null;
  result: Omit<VoteResult, keyof Tally> | null;
}

type JournalLine = { vote: KeptVote } | { cast: [string, string, number] };

/** The option with the most votes; a tie goes to the first of them. */
export function winner(t: Pick<Tally, 'options' | 'counts'>): string {
  let best = 0;
  t.counts.forEach((c, i) => {
    if (c > (t.counts[best] ?? 0)) best = i;
  });
  return t.options[best] ?? '';
}

/**
 * The audience's vote, one per device: kept in the presence (shared by every process over Redis), with a
 * journal on disk in the embedded default so that votes outlive a restart. A device's vote replaces its
 * earlier one; counts are kept beside the votes so that every audience room reads the sum cheaply.
 */
export class VoteBook {
  private readonly journal: string | null;
  /** The vote as last read, for a quarter of a second: every phone's vote asks for it. */
  private cached: { vote: KeptVote | null; at: number } | null = null;

  constructor(
    private readonly presence: Presence,
    private readonly secret: string,
    dataDir: string | null,
  ) {
    this.journal = dataDir ? join(dataDir, 'audience.jsonl') : null;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
  }

  /** Reads the journal back into the presence (at start, in the embedded default). */
  async reload(): Promise<void> {
    if (!this.journal || !existsSync(this.journal)) return;
    let vote: KeptVote | null = null;
    const cast = new Map<string, number>();
    for (const text of readFileSync(this.journal, 'utf8').split('\n')) {
      let line: JournalLine;
      try {
        line = JSON.parse(text) as JournalLine;
      } catch {
        continue;
      }
      if ('vote' in line) {
        if (line.vote.id !== vote?.id) cast.clear();
        vote = line.vote;
      } else if (line.cast[0] === vote?.id) cast.set(line.cast[1], line.cast[2]);
    }
    if (!vote) return;
    await this.presence.set(VOTE, JSON.stringify(vote));
    for (const [device, option] of cast) {
      await this.presence.hset(votes(vote.id), device, String(option));
      await this.presence.hincrby(counts(vote.id), String(option), 1);
    }
  }

  private write(line: JournalLine): void {
    if (this.journal) appendFileSync(this.journal, `${JSON.stringify(line)}\n`);
  }

  /** A new device: its id, and its token (the id and its signature, so only tokens this server gave out count). */
  newDevice(): { device: string; token: string } {
    const id = randomBytes(12).toString('base64url');
    return { device: id, token: `${id}.${this.sign(id)}` };
  }

  /** The device a token names, or null when the server never gave it out. */
  deviceOf(token: string | undefined): string | null {
    const [id, sig] = String(token ?? '').split('.');
    return id && sig && sig === this.sign(id) ? id : null;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(`device ${id}`).digest('base64url').slice(0, 22);
  }

  async current(): Promise<KeptVote | null> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < 250) return this.cached.vote;
    const raw = (await this.presence.get(VOTE)) as string | null;
    const vote = raw ? (JSON.parse(raw) as KeptVote) : null;
    this.cached = { vote, at: now };
    return vote;
  }

  /** Forgets the cached vote (it was opened or closed, here or by another process). */
  forget(): void {
    this.cached = null;
  }

  async open(question: string, options: string[], seconds?: number, feed?: string): Promise<KeptVote> {
    const vote: KeptVote = {
      id: randomBytes(6).toString('base64url'),
      question,
      options,
      counts: options.map(() => 0),
      open: true,
      closesAt: seconds ? Date.now() + seconds * 1000 : null,
      feed: feed ?? null,
      result: null,
    };
    await this.save(vote);
    return vote;
  }

  /** Closes the vote with its result; null when no vote is open. */
  async close(result: (tally: Tally) => Promise<KeptVote['result']>): Promise<KeptVote | null> {
    const vote = await this.current();
    if (!vote?.open) return null;
    // One closing per vote, whichever process (or the countdown and the presenter at once) gets there first.
    if ((await this.presence.incr(closing(vote.id))) !== 1) return null;
    const tally = { ...vote, counts: await this.counts(vote), open: false };
    const closed: KeptVote = { ...tally, result: await result(tally) };
    await this.save(closed);
    return closed;
  }

  private async save(vote: KeptVote): Promise<void> {
    this.write({ vote });
    await this.presence.set(VOTE, JSON.stringify(vote));
    this.cached = null;
    this.presence.publish(VOTE_CHANNEL, vote.id);
  }

  /** A device's vote (replacing its earlier one): kept before it is counted. False when no vote is open. */
  async cast(device: string, option: number): Promise<boolean> {
    const vote = await this.current();
    if (!vote?.open || option >= vote.options.length) return false;
    const before = await this.presence.hget(votes(vote.id), device);
    if (before === String(option)) return true;
    this.write({ cast: [vote.id, device, option] });
    await this.presence.hset(votes(vote.id), device, String(option));
    if (before !== null) await this.presence.hincrby(counts(vote.id), before, -1);
    await this.presence.hincrby(counts(vote.id), String(option), 1);
    return true;
  }

  /** The option a device chose in the vote, if it voted. */
  async mine(vote: KeptVote, device: string): Promise<number | null> {
    const v = await this.presence.hget(votes(vote.id), device);
    return v === null ? null : Number(v);
  }

  /** Every device's vote, summed. */
  async counts(vote: KeptVote): Promise<number[]> {
    const all = (await this.presence.hgetall(counts(vote.id))) ?? {};
    return vote.options.map((_, i) => Math.max(0, Number(all[String(i)] ?? 0)));
  }

  /** The vote as phones see it now. */
  async tally(): Promise<KeptVote | null> {
    const vote = await this.current();
    if (!vote) return null;
    return vote.open ? { ...vote, counts: await this.counts(vote) } : vote;
  }
}

/** What phones and the console are sent for a kept vote. */
export function asTally(vote: KeptVote): Tally {
  return {
    question: vote.question,
    options: vote.options,
    counts: vote.counts,
    open: vote.open,
    closesAt: vote.closesAt ?? null,
  };
}

export function asResult(vote: KeptVote): VoteResult | null {
  return vote.result ? { ...asTally(vote), ...vote.result } : null;
}
