/**
 * Load on the room server (`npm run bench:rooms -- --tables 30 --players 6 --audience 500 --seconds 20`):
 * starts the server in its own process, fills it with tables of players who keep deciding and an
 * audience that keeps voting, and measures each message's round trip (a player's command until its
 * entry comes back; a vote until it is counted). Prints the figures and ends with one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client, type Room } from 'colyseus.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

const TABLES = flag('tables', 30);
const PLAYERS = flag('players', 6);
const AUDIENCE = flag('audience', 500);
const SECONDS = flag('seconds', 20);
const PORT = flag('port', 2790);
const CODE = 'bench';
const SEATS = ['commander', 'ops', 'comms'] as const;

const latencies = { command: [] as number[], vote: [] as number[] };
let errors = 0;
const problems = new Set<string>();
const fail = (what: string) => {
  errors++;
  problems.add(what.slice(0, 120));
};

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../server/index.ts')], {
    env: { ...process.env, PORT: String(PORT), FACILITATOR_CODE: CODE },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, no) => {
    const timer = setTimeout(() => no(new Error('the room server did not start')), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (String(d).includes('Firepants rooms')) {
        clearTimeout(timer);
        ok();
      }
    });
  });
  return child;
}

/** A player who sets their team's focus every two seconds or so, and times the echo. */
function player(room: Room, name: string, index: number, stop: () => boolean): void {
  const sent = new Map<number, number>();
  room.onMessage(
    'entries',
    (m: { entries: { command?: { type: string; reliabilityShare?: number } }[]; seat: { name: string } | null }) => {
      if (m.seat?.name !== name) return;
      for (const e of m.entries) {
        const at = sent.get(e.command?.reliabilityShare ?? -1);
        if (at !== undefined) latencies.command.push(performance.now() - at);
      }
    },
  );
  for (const type of ['welcome', 'tick', 'control', 'seats', 'hash']) room.onMessage(type, () => {});
  room.onMessage('refused', (m: { reason: string }) => fail(`refused: ${m.reason}`));
  room.send('hello');
  let n = index;
  const loop = () => {
    if (stop()) return;
    n++;
    const share = (n % 997) / 1000;
    sent.set(share, performance.now());
    room.send('command', { type: 'setTeamFocus', team: 'web', reliabilityShare: share });
    setTimeout(loop, 1500 + Math.random() * 1000);
  };
  setTimeout(loop, Math.random() * 2000);
}

function voter(room: Room, stop: () => boolean): void {
  let sentAt = 0;
  room.onMessage('counted', () => latencies.vote.push(performance.now() - sentAt));
  for (const type of ['vote', 'result']) room.onMessage(type, () => {});
  room.onMessage('refused', (m: { reason: string }) => fail(`vote refused: ${m.reason}`));
  const loop = () => {
    if (stop()) return;
    sentAt = performance.now();
    room.send('vote', { option: Math.floor(Math.random() * 2) });
    setTimeout(loop, 2500 + Math.random() * 1000);
  };
  setTimeout(loop, 500 + Math.random() * 2000);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) : 0;
};

const server = await startServer();
const client = new Client(`ws://127.0.0.1:${PORT}`);
let over = false;
const stop = () => over;
try {
  const rooms: Room[] = [];
  for (let t = 0; t < TABLES; t++) {
    const first = await client.create('table', { seed: t + 1, weeks: 4, name: `t${t}p0`, seat: 'commander' });
    rooms.push(first);
    player(first, `t${t}p0`, 0, stop);
    for (let p = 1; p < PLAYERS; p++) {
      const name = `t${t}p${p}`;
      const r = await client.joinById(first.roomId, { name, seat: SEATS[p % SEATS.length] });
      rooms.push(r);
      player(r, name, p * 100, stop);
    }
    first.send('control', { control: 'resume' });
  }
  if (AUDIENCE > 0) {
    const stage = await client.create('audience', {});
    stage.onMessage('vote', () => {});
    stage.onMessage('refused', (m: { reason: string }) => fail(`open refused: ${m.reason}`));
    stage.send('open', { code: CODE, question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    const phones = await Promise.all(
      Array.from({ length: AUDIENCE }, () => client.joinById(stage.roomId).catch((e) => fail(String(e)))),
    );
    for (const phone of phones) if (phone) voter(phone, stop);
    rooms.push(stage);
  }
  console.log(`${TABLES} tables × ${PLAYERS} players and ${AUDIENCE} in the audience, for ${SECONDS} s…`);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  over = true;
  await new Promise((r) => setTimeout(r, 1500));
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
} catch (err) {
  fail(String(err));
} finally {
  server.kill();
}

const figures = {
  tables: TABLES,
  players: PLAYERS,
  audience: AUDIENCE,
  seconds: SECONDS,
  commands: latencies.command.length,
  commandP50Ms: Math.round(pct(latencies.command, 50)),
  commandP95Ms: Math.round(pct(latencies.command, 95)),
  votes: latencies.vote.length,
  voteP50Ms: Math.round(pct(latencies.vote, 50)),
  voteP95Ms: Math.round(pct(latencies.vote, 95)),
  errors,
};
console.log(
  `commands: ${figures.commands} round trips, p50 ${figures.commandP50Ms} ms, p95 ${figures.commandP95Ms} ms`,
);
console.log(`votes:    ${figures.votes} round trips, p50 ${figures.voteP50Ms} ms, p95 ${figures.voteP95Ms} ms`);
console.log(`errors:   ${errors}${problems.size ? ` (${[...problems].slice(0, 3).join('; ')})` : ''}`);
console.log(JSON.stringify(figures));
process.exit(0);
