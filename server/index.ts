/**
 * The room server: tables on their own devices and a facilitator console over them, and the built
 * game served from the same address. `npm run rooms` builds the game when needed and starts this.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import express from 'express';
import { roomServer } from './roomServer';

const port = Number(process.env.PORT ?? 2567);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}
const code = process.env.FACILITATOR_CODE || randomBytes(4).toString('hex');
const dist = resolve(import.meta.dirname, '../dist');
if (!existsSync(resolve(dist, 'index.html')))
  console.warn('No built game in dist/: run `npm run rooms` to build it first.');

const app = express();
app.use(express.static(dist));
const game = roomServer(code, createServer(app));
await game.listen(port, '0.0.0.0');

const addresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => `http://${a?.address}:${port}/`);
console.log(`Firepants rooms: http://127.0.0.1:${port}/ ${addresses.join(' ')}`);
console.log(`Facilitator code: ${code}`);
