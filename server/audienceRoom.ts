import { type Client, matchMaker, Room } from '@colyseus/core';
import { audienceDown, audienceUp, type Tally } from '../src/protocol/audience';

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
  private readonly everyone = audienceDown.to({ send: (type, payload) => this.broadcast(type, payload) });

  override onCreate(options: { code?: string }): void {
    this.code = String(options?.code ?? '');
    const refuse = (client: Client, reason: string) => audienceDown.to(client).refused({ reason });
    audienceUp.serve<Client>(
      this,
      {
        open: (client, m) => {
          if (m.code !== this.code) return refuse(client, 'wrong facilitator code');
          this.votes.clear();
          this.tally = { question: m.question, options: m.options, counts: m.options.map(() => 0), open: true };
          this.everyone.vote(this.tally);
        },
        vote: (client, m) => {
          const t = this.tally;
          if (!t?.open || m.option >= t.options.length) return refuse(client, 'no vote is open for that');
          const before = this.votes.get(client.sessionId);
          if (before !== undefined) t.counts[before] = (t.counts[before] ?? 1) - 1;
          this.votes.set(client.sessionId, m.option);
          t.counts[m.option] = (t.counts[m.option] ?? 0) + 1;
          this.dirty = true;
          audienceDown.to(client).counted({ option: m.option });
        },
        close: async (client, m) => {
          if (m.code !== this.code) return refuse(client, 'wrong facilitator code');
          if (!this.tally) return;
          this.tally = { ...this.tally, open: false };
          const won = winner(this.tally);
          const table = m.table;
          const fed = table
            ? {
                table,
                refused: await matchMaker
                  .remoteRoomCall(table, 'audienceDecides', [won])
                  .then((why) => (why ? String(why) : null))
                  .catch(() => 'no such table'),
              }
            : null;
          this.everyone.result({ ...this.tally, winner: won, fed });
        },
      },
      (client, reason, type) => refuse(client, type === 'close' ? 'wrong facilitator code' : reason),
    );
    this.clock.setInterval(() => {
      if (!this.dirty || !this.tally) return;
      this.dirty = false;
      this.everyone.vote(this.tally);
    }, 250);
  }

  override onJoin(client: Client): void {
    if (this.tally) audienceDown.to(client).vote(this.tally);
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
