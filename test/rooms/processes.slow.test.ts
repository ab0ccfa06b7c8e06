import { randomBytes } from 'node:crypto';
import { Client, type Room } from 'colyseus.js';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { findRedis, freePorts, startRedis } from '../../bench/roomsServers';
import { AUDIENCE_ROOM, audienceDown, audienceUp, type Tally } from '../../src/protocol/audience';
import { facilitatorDown } from '../../src/protocol/facilitator';
import { hear } from './listeners';
import { commandsOf, sit } from './screens';
import { type ServerProcess, startServer } from './serverProcess';
import { FACILITATOR_CODE, openConsole, testPorts } from './stage';
import { until } from './waiting';

const redisServer = findRedis();
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

if (!redisServer)
  console.warn('processes.slow.test.ts: redis-server was not found (apt-get install redis-server): skipped');

it.skipIf(!redisServer)(
  'two processes share Redis: a table opened on one is joined through the other, 600 phones over two audience rooms are summed once, and a killed process’s tables come back on the other',
  async () => {
    const redis = await startRedis();
    stops.push(async () => {
      redis.child.kill('SIGKILL');
    });
    const ports = await freePorts(testPorts().from, testPorts().to, 2);
    const origins = ports.map((p) => `http://127.0.0.1:${p}`).join(',');
    const shared = {
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      FACILITATOR_CODE,
      ROOMS_SECRET: randomBytes(32).toString('base64url'),
      ROOMS_ORIGINS: origins,
      TRUSTED_PROXIES: '127.0.0.1',
    };
    const servers: ServerProcess[] = [];
    for (const port of ports) {
      const server = await startServer({ ...shared, PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}` });
      servers.push(server);
      stops.push(() => server.stop());
    }
    const [a, b] = ports.map((p) => `ws://127.0.0.1:${p}`) as [string, string];

    // The console on A sets two tables up; screens reach them through B.
    const desk = await openConsole(new Client(a));
    const all = await desk.setUp([1, 2, 3, 4].map((seed) => ({ seed, weeks: 1, label: `P${seed}` })));
    const codes = all.slice(0, 2);
    // Placed by load: tables on both processes.
    const listing = new Redis(redis.url);
    const where = await Promise.all(
      all.map(async (c) => JSON.parse((await listing.hget('roomcaches', c)) ?? '{}').publicAddress as string),
    );
    listing.disconnect();
    expect(new Set(where).size).toBe(2);
    const viaB = new Client(b);
    const screens = await Promise.all(codes.map((c, i) => sit(viaB, c, { player: `Ada${i}`, role: 'commander' })));
    screens[0]?.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.7 });
    await until(() => commandsOf(screens[0]?.seen.entries ?? [], 'setTeamFocus').length === 1);

    // 600 phones, each its own address, half through each process: more than one audience room of 500.
    let total: Tally | null = null;
    hear(facilitatorDown, desk.room, {
      tally: (t) => {
        total = t;
      },
    });
    desk.desk.openVote({ question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
    const phones: { room: Room; tally: Tally | null }[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const joined = await Promise.all(
        Array.from({ length: 100 }, (_, i) => {
          const n = batch * 100 + i;
          const client = new Client(n % 2 ? a : b, { headers: { 'X-Forwarded-For': `10.1.${n >> 8}.${n & 255}` } });
          return client.joinOrCreate(AUDIENCE_ROOM, {});
        }),
      );
      for (const room of joined) {
        const phone = { room, tally: null as Tally | null };
        hear(audienceDown, room, {
          vote: (t) => {
            phone.tally = t;
          },
        });
        phones.push(phone);
      }
    }
    expect(new Set(phones.map((p) => p.room.roomId)).size).toBeGreaterThanOrEqual(2);
    phones.forEach((p, i) => {
      audienceUp.to(p.room).vote({ option: i % 3 === 0 ? 0 : 1 });
    });
    await until(() => (total as Tally | null)?.counts.join() === '200,400', 20_000, 'the console to count 600 votes');
    await until(
      () => phones.every((p) => p.tally?.counts.join() === '200,400'),
      20_000,
      'every phone to see the same sum',
    );

    // Process A dies; its tables come back on B, and the screens find them again by their codes.
    await servers[0]?.crash();
    for (const [i, code] of codes.entries()) {
      let back: Awaited<ReturnType<typeof sit>> | null = null;
      let trying = false;
      await until(
        () => {
          if (back === null && !trying) {
            trying = true;
            void sit(viaB, code, { player: `Back${i}`, role: 'spectator' })
              .then((s) => {
                back = s;
              })
              .catch(() => undefined)
              .finally(() => {
                trying = false;
              });
          }
          return back !== null;
        },
        45_000,
        `table ${code} back on the other process`,
      );
      const entries = (back as unknown as { seen: { entries: never[] } }).seen.entries;
      if (i === 0) expect(commandsOf(entries, 'setTeamFocus')).toHaveLength(1);
    }
  },
  150_000,
);
