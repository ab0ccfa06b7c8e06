import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NO_NEW_DEVICE } from '../../server/audienceRoom';
import { joinAudience } from '../../src/app/roomsConsole';
import { AUDIENCE_ROOM, audienceDown } from '../../src/protocol/audience';
import { hear } from './listeners';
import { openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

let s: Stage;
beforeAll(async () => {
  // Three new devices at once from one address, then one every two seconds.
  s = await stage({ devicesPerAddress: { burst: 3, perSecond: 0.5 } });
});
afterAll(async () => {
  await s.stop();
});

/** A new phone's join: its room and the token it was given. */
async function newPhone(): Promise<{ room: Room; token: () => string | null }> {
  const room = await s.sdk.joinOrCreate(AUDIENCE_ROOM, {});
  let token: string | null = null;
  hear(audienceDown, room, {
    device: (m) => {
      token = m.token;
    },
  });
  return { room, token: () => token };
}

it('a new phone beyond its address’s new devices is refused before it gets a seat, with the reason; a phone that brings its token back is let in; the page says why and gets in once the address may have one more', async () => {
  await openConsole(s.sdk);
  const phones = await Promise.all([1, 2, 3].map(() => newPhone()));
  await until(() => phones.every((p) => p.token() !== null), 5000, 'three device tokens');
  const connectionsBefore = await s.rooms.doorman.connections.count('127.0.0.1');

  // The fourth new phone is told why, and holds no connection and no seat.
  const refusal = await s.sdk.joinOrCreate(AUDIENCE_ROOM, {}).then(
    () => null,
    (err: unknown) => err as { code?: number; message?: string },
  );
  expect(refusal?.code).toBe(429);
  expect(refusal?.message).toBe(NO_NEW_DEVICE);
  expect(await s.rooms.doorman.connections.count('127.0.0.1')).toBe(connectionsBefore);

  // A phone that drops and comes back with its token is not a new device: it gets in.
  const first = phones[0] as (typeof phones)[number];
  const token = first.token() as string;
  await first.room.leave(true);
  const back = await s.sdk.joinOrCreate(AUDIENCE_ROOM, { device: token });
  expect(back.roomId).toBeTruthy();

  // The page's line: it says what the server said, asks again, and gets in when the address earns a device.
  const notices: (string | null)[] = [];
  let kept: string | null = null;
  const line = await joinAudience(
    s.url,
    { get: () => kept, set: (t) => (kept = t) },
    {
      tally: () => {},
      result: () => {},
      counted: () => {},
      refused: () => {},
      notice: (text) => notices.push(text),
    },
    200,
  );
  expect(notices[0]).toBe(NO_NEW_DEVICE);
  expect(notices.at(-1)).toBeNull();
  await until(() => kept !== null, 5000, 'the page’s new device token');
  line.leave();
});
