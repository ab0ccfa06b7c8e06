import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, expect, it } from 'vitest';
import { findRedis, freePorts, startRedis } from '../../bench/roomsServers';
import { type ServerProcess, startServer } from './serverProcess';
import { FACILITATOR_CODE, testPorts } from './stage';

const redisServer = findRedis();
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

if (!redisServer)
  console.warn('joinsPerAddress.slow.test.ts: redis-server was not found (apt-get install redis-server): skipped');

/** A matchmaking request for a table that does not exist, from `address` as the proxy names it. */
function join(port: number, address: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ player: 'Nobody', role: 'spectator' });
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/matchmake/joinById/NOSUCHTABLE',
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(body.length),
        'X-Forwarded-For': address,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

it.skipIf(!redisServer)(
  'the joins a second per address are counted over both processes: requests spread over two are refused once the address’s share is spent, another address’s are not',
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
      // One join a second per address, three at once.
      ROOMS_JOINS_PER_ADDRESS: '1',
    };
    const servers: ServerProcess[] = [];
    for (const port of ports) {
      const server = await startServer({ ...shared, PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}` });
      servers.push(server);
      stops.push(() => server.crash());
    }
    const [a, b] = ports as [number, number];

    // Eight at once from one address, four to each process: each process alone would let three through (six
    // in all); counted over both, three get to the matchmaker (a fourth if a token came back meanwhile).
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => join(i % 2 ? b : a, '10.8.8.8')));
    const refused = answers.filter((r) => r.status === 429);
    const passed = answers.filter((r) => r.status !== 429);
    expect(refused.every((r) => r.body.includes('too many requests from this address'))).toBe(true);
    expect(passed.length).toBeGreaterThanOrEqual(3);
    expect(passed.length).toBeLessThanOrEqual(4);
    // What passed reached the matchmaker, which knows no such table.
    for (const r of passed) expect(r.body).toMatch(/NOSUCHTABLE.*not found/);

    // Another address has its own share, on either process.
    const other = await Promise.all([join(a, '10.8.8.9'), join(b, '10.8.8.9')]);
    expect(other.map((r) => r.status === 429)).toEqual([false, false]);
    const logs = servers.map((s) => s.output.join('')).join('');
    expect(logs).toMatch(/refused 10\.8\.8\.8 POST \/matchmake\/joinById.*too many requests/);
  },
  90_000,
);
