import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { RedisPresence } from '@colyseus/redis-presence';
import { Client, type Room } from 'colyseus.js';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { findRedis, freePorts, startRedis } from '../../bench/roomsServers';
import { SharedBuckets } from '../../server/sharedCaps';
import { FACILITATOR_ROOM } from '../../src/protocol/facilitator';
import { type ServerProcess, startServer } from './serverProcess';
import { FACILITATOR_CODE, openConsole, testPorts } from './stage';
import { wait } from './waiting';

const redisServer = findRedis();
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

if (!redisServer)
  console.warn('addressCaps.slow.test.ts: redis-server was not found (apt-get install redis-server): skipped');

/** A matchmaking request for a table that does not exist, from `address` as the proxy names it. */
function matchmake(port: number, address: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/matchmake/joinById/NOSUCHTABLE',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '2', 'X-Forwarded-For': address },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Tries until it works or the time is up; the last refusal is the error. */
async function eventually<T>(attempt: () => Promise<T>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > end) throw err;
      await wait(500);
    }
  }
}

it.skipIf(!redisServer)(
  'the caps per address hold over two processes: connections over the cap are refused on either, a closed one frees a place on the other, a killed process’s lapse; a wrong facilitator code on one makes the other wait; joins and new voting devices come from one bucket',
  async () => {
    const redis = await startRedis();
    stops.push(async () => {
      redis.child.kill('SIGKILL');
    });
    const ports = await freePorts(testPorts().from, testPorts().to, 2);
    const shared = {
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      FACILITATOR_CODE,
      ROOMS_SECRET: randomBytes(32).toString('base64url'),
      ROOMS_ORIGINS: ports.map((p) => `http://127.0.0.1:${p}`).join(','),
      TRUSTED_PROXIES: '127.0.0.1',
      ROOMS_CONNECTIONS_PER_ADDRESS: '10',
    };
    const servers: ServerProcess[] = [];
    for (const port of ports) {
      const server = await startServer({ ...shared, PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}` });
      servers.push(server);
      // Stopped as a crash would: nothing of them is kept.
      stops.push(() => server.crash());
    }
    const [a, b] = ports.map((p) => `ws://127.0.0.1:${p}`) as [string, string];

    // Tables are placed by load: find one that runs on each process.
    const desk = await openConsole(new Client(a));
    const codes = await desk.setUp([1, 2, 3, 4].map((seed) => ({ seed, weeks: 1 })));
    const listing = new Redis(redis.url);
    const where = async (code: string) =>
      JSON.parse((await listing.hget('roomcaches', code)) ?? '{}').publicAddress as string;
    const places = await Promise.all(codes.map(where));
    listing.disconnect();
    const onA = codes[places.indexOf(`127.0.0.1:${ports[0]}`)] as string;
    const onB = codes[places.indexOf(`127.0.0.1:${ports[1]}`)] as string;
    expect(onA).toBeTruthy();
    expect(onB).toBeTruthy();

    // One address (as the proxy names it) through either process.
    const from = (url: string, address = '10.7.7.7') => new Client(url, { headers: { 'X-Forwarded-For': address } });
    let n = 0;
    const watch = (url: string, code: string, address?: string) =>
      from(url, address).joinById(code, { player: `W${n++}`, role: 'spectator' });
    const held: { a: Room[]; b: Room[] } = { a: [], b: [] };
    for (let i = 0; i < 6; i++) held.a.push(await watch(a, onA));
    for (let i = 0; i < 4; i++) held.b.push(await watch(b, onB));
    // Ten open: the eleventh is refused whichever process it reaches; another address is not.
    await expect(watch(a, onA)).rejects.toThrow();
    await expect(watch(b, onB)).rejects.toThrow();
    const other = await watch(b, onB, '10.7.7.8');
    await other.leave(true);

    // One closes on A: the place is free on B.
    await held.a.pop()?.leave(true);
    held.b.push(await eventually(() => watch(b, onB), 5000));
    await expect(watch(a, onA)).rejects.toThrow();

    // Wrong facilitator codes from one address, on A then on B: each process makes it wait, and the waits grow
    // over both (half a second after the first, a second after the second).
    const guess = (url: string, code: string) => from(url, '10.7.7.9').joinOrCreate(FACILITATOR_ROOM, { code });
    await expect(guess(a, 'guess-guess-guess')).rejects.toThrow('wrong facilitator code');
    await expect(guess(b, FACILITATOR_CODE)).rejects.toThrow(/too many wrong codes from this address: wait 1 s/);
    await wait(600);
    await expect(guess(b, 'guess-guess-again')).rejects.toThrow('wrong facilitator code');
    await expect(guess(a, FACILITATOR_CODE)).rejects.toThrow(/too many wrong codes from this address: wait 1 s/);
    const console2 = await eventually(() => guess(a, FACILITATOR_CODE), 5000);
    await console2.leave(true);

    // Joins of one address are counted over both processes: 140 at once, half to each, are 60 (the burst) and
    // what came back while they were answered (20 a second); each process alone would let 60 through.
    const answers = await Promise.all(
      Array.from({ length: 140 }, (_, i) => matchmake(ports[i % 2] as number, '10.7.7.11')),
    );
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.every((r) => JSON.parse(r.body).error === 'too many requests from this address')).toBe(true);
    const passed = answers.length - refused.length;
    expect(passed).toBeGreaterThanOrEqual(60);
    expect(passed).toBeLessThanOrEqual(90);
    // What passed reached the matchmaker, which knows no such table; another address has its own share.
    expect(answers.find((r) => r.status !== 429)?.body).toMatch(/NOSUCHTABLE.*not found/);
    expect((await matchmake(ports[1] as number, '10.7.7.12')).status).toBe(200);

    // New voting devices of one address are drawn from one bucket in Redis, whichever process issues them.
    const buckets = [new RedisPresence(redis.url), new RedisPresence(redis.url)];
    const devices = buckets.map((p) => new SharedBuckets(p, 'devices', { burst: 3, perSecond: 1 / 60 }));
    const issued = [];
    for (let i = 0; i < 8; i++) issued.push(await devices[i % 2]?.take('10.7.7.10'));
    expect(issued.filter(Boolean)).toHaveLength(3);
    for (const p of buckets) p.shutdown();

    // B is killed with its five: once it stops saying it is alive (within 15 s), its count lapses and A lets
    // five more in. (Each refused try holds a seat at the table for a while, so the test waits for the lapse
    // in Redis rather than knocking.)
    await servers[1]?.crash();
    const started = Date.now();
    const keys = new Redis(redis.url);
    while ((await keys.keys('firepants:alive:*')).length > 1) await wait(250);
    keys.disconnect();
    expect(Date.now() - started).toBeLessThan(16_000);
    for (let i = 0; i < 5; i++) held.a.push(await watch(a, onA));
    await expect(watch(a, onA)).rejects.toThrow();
    for (const r of held.a) await r.leave(true);
  },
  150_000,
);
