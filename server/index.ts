/**
 * The room server: tables on their own devices, a facilitator console over them and the audience's vote,
 * with the built game served from the same address. `npm run rooms` builds the game when needed and starts
 * this (one process, or several with `--processes N` and Redis). Settings come from the environment: see
 * the README's "Rooms" section.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import { codeProblem, newFacilitatorCode } from './facilitatorCode';
import { gamePages } from './gamePages';
import { roomServer } from './roomServer';
import { settingsFromEnv } from './settings';

const env = process.env;
const port = Number(env.PORT ?? 2567);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got "${env.PORT}".`);
  process.exit(1);
}
const code = env.FACILITATOR_CODE || newFacilitatorCode();
const weak = codeProblem(code);
if (weak) {
  console.error(`FACILITATOR_CODE: ${weak}.`);
  process.exit(1);
}

/** The secret that signs device tokens: kept in the data folder so phones keep their votes across restarts. */
function secretFor(dataDir: string | null): string {
  if (env.ROOMS_SECRET) return env.ROOMS_SECRET;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const path = join(dataDir, 'secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const dataDir = env.REDIS_URL ? null : (env.ROOMS_DATA ?? 'rooms-data');
const settings = settingsFromEnv(env, code, secretFor(dataDir));
const tls = env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } : null;

const dist = resolve(import.meta.dirname, '../dist');
if (!existsSync(resolve(dist, 'index.html')))
  console.warn('No built game in dist/: run `npm run rooms` to build it first.');
const app = express();
app.disable('x-powered-by');
app.use(gamePages(dist, settings.allowedOrigins));
app.use(express.static(dist));

const http = tls ? createHttps(tls, app) : createHttp(app);
// Phones keep their connection to the matchmaker between requests: it stays open longer than a browser waits.
http.keepAliveTimeout = 65_000;
http.headersTimeout = 70_000;
const rooms = roomServer(settings, http, tls !== null);
const host = env.HOST ?? '0.0.0.0';
const back = await rooms.listen(port, host);

const scheme = tls ? 'https' : 'http';
const addresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => `${scheme}://${a?.address}:${port}/`);
console.log(`Firepants rooms: ${scheme}://127.0.0.1:${port}/ ${addresses.join(' ')}`);
console.log(`Facilitator code: ${code}`);
console.log(
  settings.redisUrl
    ? `Tables and votes are kept in Redis (${settings.redisUrl.replace(/\/\/[^@]*@/, '//')}).`
    : `Tables and votes are kept in ${resolve(settings.dataDir ?? '')}.`,
);
if (!tls) console.log('Plain http and ws: for a closed network only (TLS_CERT and TLS_KEY serve https and wss).');
if (back.length > 0) console.log(`Brought back ${back.length} table(s): ${back.join(' ')}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void rooms.stop().finally(() => process.exit(0));
  });
