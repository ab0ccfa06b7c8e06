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
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express from 'express';
import { codeProblem, newFacilitatorCode } from './facilitatorCode';
import { gamePages } from './gamePages';
import { roomServer } from './roomServer';
import { settingsFromEnv } from './settings';
import { terminalQr, venueAddresses } from './venueAddress';

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
const tls = env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } : null;
const scheme = tls ? 'https' : 'http';
const host = env.HOST ?? '0.0.0.0';
const venue = venueAddresses(scheme, host, port, env.PUBLIC_ADDRESS);
const settings = { ...settingsFromEnv(env, code, secretFor(dataDir)), venueAddresses: venue };

const dist = resolve(import.meta.dirname, '../dist');
if (!existsSync(resolve(dist, 'index.html')))
  console.warn('No built game in dist/: run `npm run rooms` to build it first.');
const app = express();
app.disable('x-powered-by');
app.use(gamePages(dist, settings.allowedOrigins));
// The short address the projector shows for phones.
app.get('/vote', (_req, res) => res.redirect(302, '/vote.html'));
app.use(express.static(dist));

const http = tls ? createHttps(tls, app) : createHttp(app);
// Phones keep their connection to the matchmaker between requests: it stays open longer than a browser waits.
http.keepAliveTimeout = 65_000;
http.headersTimeout = 70_000;
const rooms = roomServer(settings, http, tls !== null);
const back = await rooms.listen(port, host);

const local = host === '0.0.0.0' || host === '127.0.0.1' ? [`${scheme}://127.0.0.1:${port}/`] : [];
console.log(`Firepants rooms: ${[...local, ...venue.filter((a) => !local.includes(a))].join(' ')}`);
const first = venue[0] as string;
console.log(`Give out this address (tables and phones on the venue's network): ${first}`);
console.log(await terminalQr(first));
console.log(`Facilitator code: ${code}`);
console.log(`The console: ${first}rooms.html (the projector's link is on it)`);
console.log(
  settings.redisUrl
    ? `Tables and votes are kept in Redis (${settings.redisUrl.replace(/\/\/[^@]*@/, '//')}).`
    : `Tables and votes are kept in ${resolve(settings.dataDir ?? '')}.`,
);
if (!tls) console.log('Plain http and ws: for a closed network only (TLS_CERT and TLS_KEY serve https and wss).');
if (back.length > 0) console.log(`Brought back ${back.length} table(s): ${back.join(' ')}`);

// `ROOMS_LOOP_REPORT=1` (the load bench sets it): once a second, how late this process's event loop ran.
if (env.ROOMS_LOOP_REPORT === '1') {
  const lateness = monitorEventLoopDelay({ resolution: 5 });
  lateness.enable();
  setInterval(() => {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    console.log(`loop ${JSON.stringify({ p99: ms(lateness.percentile(99)), max: ms(lateness.max) })}`);
    lateness.reset();
  }, 1000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void rooms.stop().finally(() => process.exit(0));
  });
