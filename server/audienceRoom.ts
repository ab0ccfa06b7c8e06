import { type Client, matchMaker, Room } from '@colyseus/core';
import { z } from 'zod';
import { problemOf } from '../src/protocol/rooms';

const openVote = z.object({
  code: z.string().min(1).max(64),
  question: z.string().trim().min(1).max(200),
  options: z.array(z.string().trim().min(1).max(60)).min(2).max(6),
});
const vote = z.object({ option: z.number().int().min(0).max(5) });
/** Closing a vote may feed its winner to a demo table, which takes it as its retro's framing. */
const closeVote = z.object({ code: z.string().min(1).max(64), table: z.string().min(1).max(64).optional() });

interface Tally {
  question: string;
  options: string[];
  counts: number[];
  open: boolean;
}

/**
 * The audience: hundreds of phones in a room. The presenter (with the facilitator code) opens a vote
 * ("blame or blameless?"); each phone has one vote, which it may change while the vote is open; the
 * tally goes to everyone a few times a second, and the result when the vote closes.
 */
export class AudienceRoom extends Room {
  override maxClients = 2000;
  private code = '';
  private tally: Tally | null = null;
  private readonly votes = new Map<string, number>();
  private dirty = false;

  override onCreate(options: { code?: string }): void {
    this.code = String(options?.code ?? '');
    this.onMessage('open', (client, raw) => {
      const m = openVote.safeParse(raw);
      if (!m.success) return void client.send('refused', { reason: problemOf(m.error) });
      if (m.data.code !== this.code) return void client.send('refused', { reason: 'wrong facilitator code' });
      this.votes.clear();
      this.tally = {
        question: m.data.question,
        options: m.data.options,
        counts: m.data.options.map(() => 0),
        open: true,
      };
      this.broadcast('vote', this.tally);
    });
    this.onMessage('vote', (client, raw) => {
      const m = vote.safeParse(raw);
      const t = this.tally;
      if (!m.success || !t?.open || m.data.option >= t.options.length)
        return void client.send('refused', { reason: m.success ? 'no vote is open for that' : problemOf(m.error) });
      const before = this.votes.get(client.sessionId);
      if (before !== undefined) t.counts[before] = (t.counts[before] ?? 1) - 1;
      this.votes.set(client.sessionId, m.data.option);
      t.counts[m.data.option] = (t.counts[m.data.option] ?? 0) + 1;
      this.dirty = true;
      client.send('counted', { option: m.data.option });
    });
    this.onMessage('close', async (client, raw) => {
      const m = closeVote.safeParse(raw);
      if (!m.success || m.data.code !== this.code)
        return void client.send('refused', { reason: 'wrong facilitator code' });
      if (!this.tally) return;
      this.tally = { ...this.tally, open: false };
      const won = winner(this.tally);
      const table = m.data.table;
      const fed = table
        ? {
            table,
            refused: await matchMaker
              .remoteRoomCall(table, 'audienceDecides', [won])
              .then((why) => (why ? String(why) : null))
              .catch(() => 'no such table'),
          }
        : null;
      this.broadcast('result', { ...this.tally, winner: won, fed });
    });
    this.clock.setInterval(() => {
      if (!this.dirty || !this.tally) return;
      this.dirty = false;
      this.broadcast('vote', this.tally);
    }, 250);
  }

  override onJoin(client: Client): void {
    if (this.tally) client.send('vote', this.tally);
  }

  override onLeave(client: Client): void {
    const was = this.votes.get(client.sessionId);
    if (was === undefined || !this.tally?.open) return;
    this.votes.delete(client.sessionId);
    this.tally.counts[was] = (this.tally.counts[was] ?? 1) - 1;
    this.dirty = true;
  }
}

/** The option with the most votes; a tie goes to the first of them. */
export function winner(t: Pick<Tally, 'options' | 'counts'>): string {
  let best = 0;
  t.counts.forEach((c, i) => {
    if (c > (t.counts[best] ?? 0)) best = i;
  });
  return t.options[best] ?? '';
}
