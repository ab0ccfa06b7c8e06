// Several room server processes for one event (`npm run rooms -- --processes N`): a Redis that they share
// (started here from the distribution's redis-server unless REDIS_URL names one), then N processes on ports
// PORT, PORT+1, … each with its own public address. Node built-ins only, like start.mjs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { findRedis } from './find-redis.mjs';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 65 random bits in 13 characters, grouped for reading aloud (as server/facilitatorCode.ts makes them). */
function newCode() {
  let bits = 0n;
  for (const b of randomBytes(9)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{1,4}/g).join('-');
}

function lanAddress() {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

function waitForLine(child, text) {
  return new Promise((ok, no) => {
    let seen = '';
    child.stdout.on('data', (d) => {
      seen += String(d);
      if (seen.includes(text)) ok();
    });
    child.once('exit', (code) => no(new Error(`exited with ${code}: ${seen.slice(-500)}`)));
  });
}

/** Starts Redis (when needed) and the processes; returns the children so the caller can stop them. */
export async function startCluster({ root, processes, port }) {
  const data = resolve(process.env.ROOMS_DATA ?? join(root, 'rooms-data'));
  mkdirSync(data, { recursive: true });
  const children = [];
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const binary = findRedis();
    if (!binary)
      throw new Error(
        'several processes share a Redis: install redis-server (apt-get install redis-server), or set REDIS_URL',
      );
    const redisPort = Number(process.env.REDIS_PORT ?? 6391);
    const dir = join(data, 'redis');
    mkdirSync(dir, { recursive: true });
    // Append-only: the tables and votes kept in Redis outlive a restart of Redis itself.
    const redis = spawn(
      binary,
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(redis);
    await waitForLine(redis, 'Ready to accept connections');
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    console.log(`Redis for the rooms: ${redisUrl} (kept in ${dir})`);
  }
  const secretFile = join(data, 'secret');
  if (!process.env.ROOMS_SECRET && !existsSync(secretFile))
    writeFileSync(secretFile, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  const secret = process.env.ROOMS_SECRET ?? readFileSync(secretFile, 'utf8').trim();
  const code = process.env.FACILITATOR_CODE || newCode();
  const host = process.env.PUBLIC_HOST ?? lanAddress() ?? '127.0.0.1';
  const ports = Array.from({ length: processes }, (_, i) => port + i);
  const origins = [...new Set([host, '127.0.0.1', 'localhost'])].flatMap((h) => ports.map((p) => `http://${h}:${p}`));
  for (const p of ports) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'index.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PORT: String(p),
        REDIS_URL: redisUrl,
        PUBLIC_ADDRESS: `${host}:${p}`,
        ROOMS_ORIGINS: origins.join(','),
        ROOMS_SECRET: secret,
        FACILITATOR_CODE: code,
      },
    });
    child.stdout.on('data', (d) => process.stdout.write(`[${p}] ${d}`));
    children.push(child);
    await waitForLine(child, 'Firepants rooms');
  }
  console.log(
    `${processes} room server processes share ${redisUrl}; open any of ${ports.map((p) => `http://${host}:${p}/`).join(' ')}`,
  );
  return children;
}
