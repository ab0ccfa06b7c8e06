import { LocalPresence } from '@colyseus/core';
import { afterEach, expect, it } from 'vitest';
import { FacilitatorDoor } from '../../server/facilitatorCode';
import { ConnectionsByAddress, SharedBuckets } from '../../server/sharedCaps';
import { wait } from './waiting';

// Two "processes" share one presence here, as processes share Redis (the slow tier runs it over Redis).
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
function processes(presence: LocalPresence, cap: number) {
  const [a, b] = ['proc-a', 'proc-b'].map((id) => new ConnectionsByAddress(presence, () => id, cap)) as [
    ConnectionsByAddress,
    ConnectionsByAddress,
  ];
  stops.push(
    () => a.stop(),
    () => b.stop(),
  );
  return { a, b };
}

it('caps an address’s connections over every process, and frees a place when one closes', async () => {
  const presence = new LocalPresence();
  const { a, b } = processes(presence, 5);
  await wait(10);
  for (let i = 0; i < 3; i++) expect(await a.admit('10.0.0.1')).toBe(true);
  for (let i = 0; i < 2; i++) expect(await b.admit('10.0.0.1')).toBe(true);
  expect(await a.admit('10.0.0.1')).toBe(false);
  expect(await b.admit('10.0.0.1')).toBe(false);
  expect(await b.admit('10.0.0.2')).toBe(true);
  expect(await a.count('10.0.0.1')).toBe(5);
  a.release('10.0.0.1');
  await wait(1);
  expect(await b.admit('10.0.0.1')).toBe(true);
  expect(a.countHere('10.0.0.1')).toBe(2);
  expect(b.countHere('10.0.0.1')).toBe(3);
});

it('leaves out the count of a process that stopped saying it is alive', async () => {
  const presence = new LocalPresence();
  const { a, b } = processes(presence, 4);
  await wait(10);
  for (let i = 0; i < 4; i++) expect(await b.admit('10.0.0.3')).toBe(true);
  expect(await a.admit('10.0.0.3')).toBe(false);
  // B is gone: its word that it is alive lapses (here at once), and A no longer counts its connections.
  b.stop();
  presence.del('firepants:alive:proc-b');
  await wait(2100);
  expect(await a.count('10.0.0.3')).toBe(0);
  expect(await a.admit('10.0.0.3')).toBe(true);
});

it('draws every process’s new devices of an address from one bucket, which refills and saves nothing up', async () => {
  const presence = new LocalPresence();
  const rate = { burst: 3, perSecond: 1 / 60 };
  const [a, b] = [new SharedBuckets(presence, 'devices', rate), new SharedBuckets(presence, 'devices', rate)] as [
    SharedBuckets,
    SharedBuckets,
  ];
  const t = Date.now();
  const taken = [];
  for (let i = 0; i < 4; i++) taken.push(await a.take('10.0.0.4', t), await b.take('10.0.0.4', t));
  expect(taken.filter(Boolean)).toHaveLength(3);
  expect(await b.take('10.0.0.4', t + 61_000)).toBe(true);
  expect(await a.take('10.0.0.4', t + 61_000)).toBe(false);
  // An hour later the bucket is full again, not sixty tokens deep.
  const later = [];
  for (let i = 0; i < 5; i++) later.push(await a.take('10.0.0.4', t + 3_600_000));
  expect(later.filter(Boolean)).toHaveLength(3);
});

it('refuses a bucket it found empty without asking the presence again until its next token is due', async () => {
  const presence = new LocalPresence();
  let asked = 0;
  const counted = new Proxy(presence, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function'
        ? (...args: unknown[]) => {
            asked++;
            return value.apply(target, args);
          }
        : value;
    },
  });
  const joins = new SharedBuckets(counted, 'matchmaking', { burst: 2, perSecond: 10 });
  const t = Date.now();
  expect([await joins.take('10.0.0.6', t), await joins.take('10.0.0.6', t)]).toEqual([true, true]);
  expect(await joins.take('10.0.0.6', t + 10)).toBe(false);
  const before = asked;
  for (let i = 0; i < 50; i++) expect(await joins.take('10.0.0.6', t + 20 + i)).toBe(false);
  expect(asked).toBe(before);
  // A tenth of a second on, a token is due: the presence is asked again and gives it.
  expect(await joins.take('10.0.0.6', t + 100)).toBe(true);
  expect(asked).toBeGreaterThan(before);
});

it('makes an address that guessed the facilitator code wrong on one process wait on the other, one try at a time', async () => {
  const presence = new LocalPresence();
  const [a, b] = [new FacilitatorDoor('right-code-1234', presence), new FacilitatorDoor('right-code-1234', presence)];
  const t = Date.now();
  expect(await a.attempt('10.0.0.5', 'wrong-code-0000', t)).toEqual({ ok: false, reason: 'wrong facilitator code' });
  expect(await b.attempt('10.0.0.5', 'right-code-1234', t + 100)).toMatchObject({ ok: false });
  // Guesses sent at once are compared one at a time: of ten, one is compared, the rest wait.
  const at = t + 600;
  const tries = await Promise.all(
    Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).attempt('10.0.0.5', `wrong-code-${i}`, at)),
  );
  expect(tries.filter((r) => !r.ok && r.reason === 'wrong facilitator code')).toHaveLength(1);
  expect(await a.attempt('10.0.0.5', 'right-code-1234', at + 1100)).toEqual({ ok: true });
  // The right code reset the wait: the next try is compared at once.
  expect(await b.attempt('10.0.0.5', 'right-code-1234', at + 1100)).toEqual({ ok: true });
});
