import type { Client, Room } from '@colyseus/core';
import { expect, it } from 'vitest';
import { SOCKETS_PER_TURN, toEveryone } from '../../server/outbox';
import { audienceDown } from '../../src/protocol/audience';

/** A room of `n` clients that note what was written to them. */
function roomOf(n: number) {
  const got: Buffer[][] = Array.from({ length: n }, () => []);
  const clients = got.map((mine) => ({ ref: { bufferedAmount: 0 }, enqueueRaw: (b: Buffer) => mine.push(b) }));
  const room = { roomName: 'audience', clients, broadcast: () => {} } as unknown as Room;
  return { room, got, clients: clients as unknown as Client[] };
}
const turn = () => new Promise((r) => setImmediate(r));

it('writes a broadcast to a large room in slices, one turn at a time, each client getting the broadcasts in order', async () => {
  const n = SOCKETS_PER_TURN * 2 + 10;
  const { room, got } = roomOf(n);
  const everyone = audienceDown.to(toEveryone(room));
  everyone.refused({ reason: 'first' });
  everyone.refused({ reason: 'second' });
  // Only the first slice went out in this turn.
  expect(got.filter((g) => g.length > 0)).toHaveLength(SOCKETS_PER_TURN);
  // Two broadcasts of three slices each take six turns.
  for (let i = 0; i < 6; i++) await turn();
  expect(got.every((g) => g.length === 2)).toBe(true);
  for (const g of got) expect(String(g[0])).not.toBe(String(g[1]));
  expect(new Set(got.map((g) => `${g[0]?.toString('hex')} ${g[1]?.toString('hex')}`)).size).toBe(1);
});
