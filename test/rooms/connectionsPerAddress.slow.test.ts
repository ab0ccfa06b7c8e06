import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AUDIENCE_ROOM, audienceDown, audienceUp } from '../../src/protocol/audience';
import { hear } from './listeners';
import { openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

let s: Stage;
beforeAll(async () => {
  // Joins are not slowed here, and every phone is a new voting device (newPhones.test.ts caps those): the cap on
  // open connections is what is tested.
  s = await stage({
    matchmakingPerAddress: { perSecond: 10_000, burst: 10_000 },
    devicesPerAddress: { perSecond: 1, burst: 10_000 },
  });
});
afterAll(async () => {
  await s.stop();
});

it('one address may hold 500 connections: the 501st is refused, so it casts no vote', async () => {
  const desk = await openConsole(s.sdk);
  desk.desk.openVote({ question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
  const phones: Room[] = [];
  const refused: string[] = [];
  let counted = 0;
  for (let batch = 0; batch < 10; batch++) {
    const joined = await Promise.all(
      Array.from({ length: 50 }, () => s.sdk.joinOrCreate(AUDIENCE_ROOM, {}).catch((e) => refused.push(String(e)))),
    );
    for (const p of joined) if (typeof p === 'object') phones.push(p);
  }
  // The console is one of this address's connections: 499 phones got in beside it.
  expect(phones).toHaveLength(499);
  expect(await s.rooms.doorman.connections.count('127.0.0.1')).toBe(500);
  await expect(s.sdk.joinOrCreate(AUDIENCE_ROOM, {})).rejects.toThrow();
  expect(await s.rooms.doorman.connections.count('127.0.0.1')).toBe(500);
  // Every phone in votes Blame: 499 votes, none from the phone refused.
  for (const p of phones) {
    hear(audienceDown, p, {
      counted: () => {
        counted++;
      },
    });
    audienceUp.to(p).vote({ option: 0 });
  }
  await until(() => counted === 499, 20_000, '499 votes counted');
  const vote = await s.rooms.audience.book.tally();
  expect(vote?.counts).toEqual([499, 0]);
  // A connection closes: the address may open one more.
  await phones[0]?.leave(true);
  await until(() => s.rooms.doorman.connections.countHere('127.0.0.1') === 499, 5000, 'the closed connection');
  expect(await s.rooms.doorman.connections.count('127.0.0.1')).toBe(499);
  const again = await s.sdk.joinOrCreate(AUDIENCE_ROOM, {});
  expect(again.roomId).toBeTruthy();
});
