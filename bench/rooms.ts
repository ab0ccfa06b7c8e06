/**
 * Load on the room server:
 *   npm run bench:rooms -- --tables 30 --players 6 --audience 500 --seconds 20
 *   npm run bench:rooms -- --processes 2 --tables 100 --players 6 --audience 2000 --seconds 30
 *   npm run bench:rooms -- --tables 20 --audience 200 --seconds 20 --attack flood
 * starts the servers in their own processes (several share a Redis it starts), sets the tables up from the
 * facilitator console, fills them with players who keep deciding and an audience that keeps voting, and
 * measures each round trip (a player's command until its entry comes back; a vote until it is counted).
 * With `--attack` (flood, slow-reader, table-spam, vote-stuffing) the same run has a baseline phase and an
 * attack phase, compares every table's round trips with its own baseline, and watches the servers' memory
 * until a minute after the attack. Prints the figures and ends with one JSON line.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { AUDIENCE_ROOM, audienceDown, audienceUp } from '../src/protocol/audience';
import { FACILITATOR_ROOM, facilitatorDown, facilitatorUp } from '../src/protocol/facilitator';
import { tableDown, tableUp } from '../src/protocol/table';
import { ATTACKS, type Attack, attack } from './roomsAttacks';
import { BENCH_CODE, startServers } from './roomsServers';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}
function word(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

// A phone hears its device token and the vote as it joins, before its listeners are in place: not news.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (!String(args[0]).includes('onMessage() not registered')) warn(...args);
};

const TABLES = flag('tables', 30);
const PLAYERS = flag('players', 6);
const AUDIENCE = flag('audience', 500);
const SECONDS = flag('seconds', 20);
const PROCESSES = Math.max(1, Math.round(flag('processes', 1)));
const SETTLE = flag('settle', 60);
const ATTACK = word('attack') as Attack | null;
if (ATTACK && !ATTACKS.includes(ATTACK)) throw new Error(`--attack is one of ${ATTACKS.join(', ')}`);
const ROLES = ['commander', 'ops', 'comms'] as const;

type Phase = 'baseline' | 'attack';
const latencies = {
  command: [] as { table: number; phase: Phase; ms: number }[],
  vote: [] as { phase: Phase; ms: number }[],
};
let phase: Phase = 'baseline';
let over = false;
let errors = 0;
const problems = new Set<string>();
const fail = (what: string) => {
  errors++;
  problems.add(what.slice(0, 160));
};

/** A device of its own: every simulated phone or screen comes from its own address. */
let devices = 0;
export function device(url: string, address?: string): Client {
  devices++;
  const a = address ?? `10.${(devices >> 16) & 255}.${(devices >> 8) & 255}.${devices & 255}`;
  return new Client(url, { headers: { 'X-Forwarded-For': a } });
}

/** Joins like a phone on a busy network: a refused or dropped request is tried again, twice at most. */
async function patiently<T>(join: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await join();
    } catch (err) {
      if (attempt >= 2) throw err;
      await sleep(0.5 * (attempt + 1));
    }
  }
}

/** A player who sets their team's focus every two seconds or so, and times the echo of each. */
function player(room: Room, table: number, name: string, index: number): void {
  const sent = new Map<number, number>();
  tableDown.listen(room, {
    welcome: () => {},
    tick: () => {},
    control: () => {},
    seats: () => {},
    hash: () => {},
    closed: () => fail('a table closed'),
    refused: (m) => fail(`refused: ${m.reason}`),
    entries: (m) => {
      if (m.seat?.player !== name) return;
      for (const e of m.entries) {
        const share = 'command' in e && e.command.type === 'setTeamFocus' ? e.command.reliabilityShare : -1;
        const at = sent.get(share);
        if (at !== undefined) latencies.command.push({ table, phase, ms: performance.now() - at });
        sent.delete(share);
      }
    },
  });
  room.onLeave((code) => {
    if (!over) fail(`a player left (${code})`);
  });
  const up = tableUp.to(room);
  up.hello({});
  let n = index;
  const loop = () => {
    if (over) return;
    n++;
    const share = (n % 997) / 1000;
    sent.set(share, performance.now());
    up.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: share });
    setTimeout(loop, 1500 + Math.random() * 1000);
  };
  setTimeout(loop, Math.random() * 2000);
}

function voter(room: Room): void {
  let sentAt = 0;
  audienceDown.listen(room, {
    device: () => {},
    vote: () => {},
    result: () => {},
    counted: () => {
      if (sentAt > 0) latencies.vote.push({ phase, ms: performance.now() - sentAt });
      sentAt = 0;
    },
    refused: (m) => fail(`vote refused: ${m.reason}`),
  });
  room.onLeave((code) => {
    if (!over) fail(`a phone left (${code})`);
  });
  let option = 0;
  const loop = () => {
    if (over) return;
    sentAt = performance.now();
    option = 1 - option;
    audienceUp.to(room).vote({ option });
    setTimeout(loop, 2500 + Math.random() * 1000);
  };
  setTimeout(loop, 500 + Math.random() * 2000);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) : 0;
};
const round = (n: number) => Math.round(n * 100) / 100;
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
const byPhase = <T extends { phase: Phase; ms: number }>(xs: T[], p: Phase) =>
  xs.filter((x) => x.phase === p).map((x) => x.ms);

const servers = await startServers(PROCESSES, 2790 - (PROCESSES > 1 ? PROCESSES : 0));
const urls = servers.urls;
const rooms: Room[] = [];
const memory = { beforeMb: 0, peakMb: 0, afterMb: 0 };
/** CPU used over the (first) measured phase: each server process, Redis, and this benchmark's own clients. */
const cpu = {
  from: [] as number[],
  to: [] as number[],
  clientFrom: process.cpuUsage(),
  clientTo: { user: 0, system: 0 },
};
/** How late this process's own clients ran: their lateness is in every round trip measured. */
const loop = monitorEventLoopDelay({ resolution: 10 });
let attacker: Record<string, number | string> = {};
try {
  // The console sets the tables up, 50 at a time.
  const desk = await device(urls[0] as string).joinOrCreate(FACILITATOR_ROOM, { code: BENCH_CODE });
  const codes: string[] = [];
  facilitatorDown.listen(desk, {
    tables: () => {},
    tally: () => {},
    result: () => {},
    venue: () => {},
    fired: () => {},
    results: () => {},
    timer: () => {},
    created: (m) => codes.push(...m.tables.map((t) => t.table)),
    refused: (m) => fail(`console refused: ${m.reason}`),
  });
  const wanted = TABLES + (ATTACK === 'flood' || ATTACK === 'slow-reader' ? 1 : 0);
  for (let from = 0; from < wanted; from += 50) {
    const batch = Array.from({ length: Math.min(50, wanted - from) }, (_, i) => ({
      seed: from + i + 1,
      weeks: 4,
      autoPause: false,
    }));
    facilitatorUp.to(desk).setUp({ tables: batch });
    const target = from + batch.length;
    while (codes.length < target && errors === 0) await sleep(0.05);
  }
  for (let t = 0; t < TABLES; t++) {
    const code = codes[t] as string;
    // Players of one table sit on whichever process the screen reached first: the matchmaker finds the table.
    for (let p = 0; p < PLAYERS; p++) {
      const name = `t${t}p${p}`;
      const role = p < ROLES.length ? ROLES[p] : 'spectator';
      const url = urls[(t + p) % urls.length] as string;
      const r = await patiently(() => device(url).joinById(code, { player: name, role }));
      rooms.push(r);
      if (role !== 'spectator') player(r, t, name, p * 100);
      else tableDown.listen(r, Object.fromEntries(tableDown.names.map((n) => [n, () => {}])) as never);
    }
  }
  facilitatorUp.to(desk).resumeAll({});
  if (AUDIENCE > 0) {
    facilitatorUp.to(desk).openVote({ question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    for (let from = 0; from < AUDIENCE; from += 100) {
      const phones = await Promise.all(
        Array.from({ length: Math.min(100, AUDIENCE - from) }, (_, i) =>
          patiently(() => device(urls[(from + i) % urls.length] as string).joinOrCreate(AUDIENCE_ROOM, {})).catch((e) =>
            fail(String(e)),
          ),
        ),
      );
      for (const phone of phones)
        if (phone) {
          voter(phone);
          rooms.push(phone);
        }
    }
  }
  console.log(
    `${PROCESSES} process(es)${servers.redis ? ' with Redis' : ''}: ${TABLES} tables × ${PLAYERS} players and ${AUDIENCE} in the audience, ${SECONDS} s${ATTACK ? ` of baseline, then ${SECONDS} s of ${ATTACK}` : ''}…`,
  );
  await sleep(2);
  memory.beforeMb = servers.memoryMb();
  cpu.from = servers.cpuSeconds();
  cpu.clientFrom = process.cpuUsage();
  loop.enable();
  const watch = setInterval(() => {
    memory.peakMb = Math.max(memory.peakMb, servers.memoryMb());
  }, 500);
  await sleep(SECONDS);
  cpu.to = servers.cpuSeconds();
  cpu.clientTo = process.cpuUsage(cpu.clientFrom);
  loop.disable();
  if (ATTACK) {
    phase = 'attack';
    attacker = await attack(ATTACK, { urls, codes: codes.slice(TABLES), seconds: SECONDS, device });
    phase = 'baseline';
    over = true;
    console.log(`attack over; waiting ${SETTLE} s for the memory to settle…`);
    await sleep(SETTLE);
    memory.afterMb = servers.memoryMb();
  } else await sleep(0.1);
  clearInterval(watch);
  over = true;
  await sleep(1.5);
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
  await desk.leave(true).catch(() => undefined);
} catch (err) {
  fail(String(err));
} finally {
  over = true;
  await servers.stop();
}

// Each table against its own baseline: the p95 of its round trips under attack over its p95 before.
const perTable = Array.from({ length: TABLES }, (_, t) => {
  const mine = latencies.command.filter((c) => c.table === t);
  const base = pct(byPhase(mine, 'baseline'), 95);
  const under = pct(byPhase(mine, 'attack'), 95);
  return base > 0 && under > 0 ? under / base : 0;
}).filter((r) => r > 0);
const all = latencies.command.map((c) => c.ms);
const votes = latencies.vote.map((v) => v.ms);
const figures = {
  processes: PROCESSES,
  redis: servers.redis !== null,
  tables: TABLES,
  players: PLAYERS,
  audience: AUDIENCE,
  seconds: SECONDS,
  attack: ATTACK,
  commands: all.length,
  commandP50Ms: Math.round(pct(ATTACK ? byPhase(latencies.command, 'baseline') : all, 50)),
  commandP95Ms: Math.round(pct(ATTACK ? byPhase(latencies.command, 'baseline') : all, 95)),
  votes: votes.length,
  voteP50Ms: Math.round(pct(ATTACK ? byPhase(latencies.vote, 'baseline') : votes, 50)),
  voteP95Ms: Math.round(pct(ATTACK ? byPhase(latencies.vote, 'baseline') : votes, 95)),
  ...(ATTACK
    ? {
        underAttackCommandP95Ms: Math.round(pct(byPhase(latencies.command, 'attack'), 95)),
        underAttackVoteP95Ms: Math.round(pct(byPhase(latencies.vote, 'attack'), 95)),
        commandP95Ratio: round(
          pct(byPhase(latencies.command, 'attack'), 95) / Math.max(1, pct(byPhase(latencies.command, 'baseline'), 95)),
        ),
        medianTableP95Ratio: round(pct(perTable, 50)),
        worstTableP95Ratio: round(Math.max(0, ...perTable)),
        memoryBeforeMb: Math.round(memory.beforeMb),
        memoryPeakMb: Math.round(memory.peakMb),
        memoryAfterMb: Math.round(memory.afterMb),
        attacker,
      }
    : { memoryPeakMb: Math.round(memory.peakMb) }),
  // Share of one core each used during the (baseline) phase: servers…, then Redis; and the clients here.
  serverCores: cpu.to.map((t, i) => round((t - (cpu.from[i] ?? 0)) / SECONDS)),
  clientCores: round((cpu.clientTo.user + cpu.clientTo.system) / 1e6 / SECONDS),
  clientLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
  errors,
};
console.log(
  `commands: ${figures.commands} round trips, p50 ${figures.commandP50Ms} ms, p95 ${figures.commandP95Ms} ms`,
);
console.log(`votes:    ${figures.votes} round trips, p50 ${figures.voteP50Ms} ms, p95 ${figures.voteP95Ms} ms`);
if ('commandP95Ratio' in figures)
  console.log(
    `under ${ATTACK}: command p95 ${figures.underAttackCommandP95Ms} ms (×${figures.commandP95Ratio} of the baseline; tables: median ×${figures.medianTableP95Ratio}, worst ×${figures.worstTableP95Ratio}); memory ${figures.memoryBeforeMb} → peak ${figures.memoryPeakMb} → ${figures.memoryAfterMb} MB a minute later; attacker ${JSON.stringify(attacker)}`,
  );
console.log(
  `cpu:      servers ${figures.serverCores.join(' + ')} cores${servers.redis ? ' (the last is Redis)' : ''}, clients ${figures.clientCores}; the clients' event loop ran late by up to ${figures.clientLoopDelayP99Ms} ms (p99)`,
);
console.log(`errors:   ${errors}${problems.size ? ` (${[...problems].slice(0, 3).join('; ')})` : ''}`);
console.log(JSON.stringify(figures));
process.exit(0);
