/**
 * Starts what `npm run bench:rooms` measures: one room server process, or several sharing a Redis that this
 * starts on a free port (6391–6399) from the distribution's `redis-server`. Everything stops with `stop()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findRedis as findRedisServer } from '../scripts/find-redis.mjs';

export const BENCH_CODE = 'bench-facilitator-code';

export interface Servers {
  urls: string[];
  pids: number[];
  redis: string | null;
  /** Resident memory of every server process, in MB. */
  memoryMb(): number;
  /** CPU seconds each server process (then Redis, when there is one) has used so far. */
  cpuSeconds(): number[];
  /** How late each server's event loop ran, second by second (the servers report it: `ROOMS_LOOP_REPORT`). */
  loop: { at: number; server: number; p99: number; max: number }[];
  stop(): Promise<void>;
}

async function free(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
  });
}

/**
 * `count` free ports in [from, to], looked for from a random place in the range (and round), so that two test
 * files or two runs starting servers at the same moment rarely reach for the same ones.
 */
export async function freePorts(from: number, to: number, count: number): Promise<number[]> {
  const out: number[] = [];
  const span = to - from + 1;
  const start = Math.floor(Math.random() * span);
  for (let k = 0; k < span && out.length < count; k++) {
    const p = from + ((start + k) % span);
    if (await free(p)) out.push(p);
  }
  if (out.length < count) throw new Error(`no ${count} free ports in ${from}–${to}`);
  return out;
}

/** Where a Redis of its own may listen: `REDIS_PORTS` ("from-to", which `npm test` chooses per run), else 6391–6399. */
function redisPorts(): [number, number] {
  const [from, to] = (process.env.REDIS_PORTS ?? '').split('-').map(Number);
  return from && to && to >= from ? [from, to] : [6391, 6399];
}

/**
 * The redis-server binary, or null. The tests only look (`npm test` has installed one where it could); the
 * bench installs the distribution's package where it may, as `npm run rooms -- --processes N` does.
 */
export function findRedis(options: { install?: boolean } = { install: false }): string | null {
  return findRedisServer(options);
}

function waitForLine(child: ChildProcess, text: string, what: string): Promise<void> {
  return new Promise((ok, no) => {
    let seen = '';
    const timer = setTimeout(() => no(new Error(`${what} did not start:\n${seen.slice(-2000)}`)), 60_000);
    const hear = (d: Buffer) => {
      seen += String(d);
      if (seen.includes(text)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', (d: Buffer) => {
      seen += String(d);
    });
    child.once('exit', (code) => no(new Error(`${what} exited (${code}):\n${seen.slice(-2000)}`)));
  });
}

/** Starts a redis-server of its own (no snapshots: the bench keeps nothing), on `REDIS_PORT` when that is set. */
export async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const binary = findRedis({ install: true });
  if (!binary) throw new Error('redis-server was not found: install it (apt-get install redis-server)');
  const given = Number(process.env.REDIS_PORT);
  const [port] = given > 0 ? await freePorts(given, given, 1) : await freePorts(...redisPorts(), 1);
  const dir = mkdtempSync(join(tmpdir(), 'firepants-redis-'));
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, 'Ready to accept connections', 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, child };
}

/** A process's user and system CPU time so far, in seconds (Linux: /proc/PID/stat, in ticks of 1/100 s). */
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * N room server processes on the first free ports from `firstPort` (each its own public address), sharing
 * Redis when N > 1.
 * The bench's clients stand for many devices: each sends its own address in X-Forwarded-For, and the
 * servers believe it from 127.0.0.1 (as behind a proxy), so caps per address apply per simulated phone.
 */
export async function startServers(processes: number, firstPort: number): Promise<Servers> {
  const ports = await freePorts(firstPort, firstPort + 9, processes);
  const redis = processes > 1 ? await startRedis() : null;
  const origins = ports.map((p) => `http://127.0.0.1:${p}`);
  const secret = randomBytes(32).toString('base64url');
  const loop: Servers['loop'] = [];
  const children = await Promise.all(
    ports.map(async (port, server) => {
      // BENCH_SERVER_NODE_ARGS (say `--cpu-prof --cpu-prof-dir=/tmp/prof`) is given to each server's Node.
      const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const entry = resolve(import.meta.dirname, '../server/index.ts');
      const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          FACILITATOR_CODE: BENCH_CODE,
          ROOMS_SECRET: secret,
          TRUSTED_PROXIES: '127.0.0.1',
          ROOMS_MAX_TABLES: '1000',
          ROOMS_LOOP_REPORT: '1',
          ...(redis
            ? { REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}`, ROOMS_ORIGINS: origins.join(',') }
            : { ROOMS_DATA: mkdtempSync(join(tmpdir(), 'firepants-bench-')) }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitForLine(child, 'Firepants rooms', `room server on ${port}`);
      let partial = '';
      // BENCH_SERVER_LOG names a file each server's output is copied to (with `--trace-gc`, say).
      const log = process.env.BENCH_SERVER_LOG ? createWriteStream(`${process.env.BENCH_SERVER_LOG}.${server}`) : null;
      if (log) child.stdout?.pipe(log);
      child.stdout?.on('data', (d: Buffer) => {
        const lines = (partial + String(d)).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
          if (line.startsWith('loop {')) loop.push({ at: performance.now(), server, ...JSON.parse(line.slice(5)) });
      });
      child.stderr?.resume();
      return child;
    }),
  );
  const stopOne = (c: ChildProcess) =>
    new Promise<void>((ok) => {
      if (c.exitCode !== null || c.signalCode !== null) return ok();
      c.once('exit', () => ok());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 5000).unref();
    });
  return {
    urls: ports.map((p) => `ws://127.0.0.1:${p}`),
    pids: children.map((c) => c.pid ?? 0),
    redis: redis?.url ?? null,
    memoryMb: () => children.reduce((sum, c) => sum + rssMb(c.pid ?? 0), 0),
    cpuSeconds: () => [...children, ...(redis ? [redis.child] : [])].map((c) => cpuOf(c.pid ?? 0)),
    loop,
    async stop() {
      await Promise.all(children.map(stopOne));
      if (redis) await stopOne(redis.child);
    },
  };
}
