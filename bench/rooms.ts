/**
 * Load on the room server:
 *   npm run bench:rooms -- --tables 30 --players 6 --audience 500 --seconds 20
 *   npm run bench:rooms -- --processes 2 --tables 100 --players 6 --audience 2000 --seconds 30
 *   npm run bench:rooms -- --tables 20 --audience 200 --attack flood
 * (`--port P`: the servers listen on the first free ports from P, 2790 by default; `REDIS_PORT` picks Redis's.)
 * starts the servers in their own processes (several share a Redis it starts), sets the tables up from the
 * facilitator console, fills them with players who keep deciding and an audience that keeps voting, and
 * measures each round trip (a player's command until its entry comes back; a vote until it is counted).
 * With `--attack` (flood, slow-reader, table-spam, vote-stuffing; `none` is an attacker that does nothing) the
 * same run warms up, then alternates quiet spells and spells of attack (three of each by default, 20 s each,
 * and a last quiet one); the attacker runs in a process of its own (as on a laptop of its own), at the lowest
 * priority (`--attacker-niceness 19`; 0 lets it compete with the servers for the cores). The criterion: every
 * table's p95 under attack against its own p95 in the quiet spells, with some 360 round trips per table each
 * way (`--seconds`, `--windows`, `--every`); the median and worst of those ratios are reported, with the same
 * figures for every other quiet spell over the rest (no attack in either) to read them against. It also
 * reports what each process spent in each phase and how late the servers' event loops ran, and watches the
 * servers' memory until a minute after the attack. Prints the figures and ends with one JSON line.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { AUDIENCE_ROOM, audienceDown, audienceUp } from '../src/protocol/audience';
import { FACILITATOR_ROOM, facilitatorDown, facilitatorUp } from '../src/protocol/facilitator';
import { tableDown, tableUp } from '../src/protocol/table';
import { ATTACKS, type Attack, type AttackerProcess, attackerProcess } from './roomsAttacks';
import { BENCH_CODE, cpuOf, startServers } from './roomsServers';

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
const PROCESSES = Math.max(1, Math.round(flag('processes', 1)));
const SETTLE = flag('settle', 60);
const ATTACK = word('attack') as Attack | null;
if (ATTACK && !ATTACKS.includes(ATTACK)) throw new Error(`--attack is one of ${ATTACKS.join(', ')}`);
/**
 * How long the run measures; under attack, how long the attack lasts in all. Under attack it is 60 s by
 * default: some 360 round trips per table under attack, so that a table's p95 is its eighteenth-slowest round
 * trip and not its sixth (with 120, two phases with no attack in either differed by up to ×1.8 at one table of
 * twenty).
 */
const SECONDS = flag('seconds', ATTACK ? 60 : 20);
/**
 * Under attack, the attack comes in `--windows` spells (3 by default), each between two quiet ones as long as
 * it, so that the machine's load drifting over the run (other work on it, the servers' garbage) weighs on the
 * quiet round trips and the attacked ones alike; 1 is one quiet phase, the attack, and one quiet phase.
 */
const WINDOWS = ATTACK ? Math.max(1, Math.round(flag('windows', 3))) : 1;
const WINDOW = SECONDS / WINDOWS;
/**
 * The seconds after each spell of attack that count neither way (`--settling`, 2 by default): what the attack
 * leaves behind for a moment (answers it was kept waiting for, its sockets closing) is not counted as quiet.
 */
const SETTLING = ATTACK ? Math.min(WINDOW / 2, flag('settling', 2)) : 0;
/**
 * How often each seated player decides, on average, in ms (each wait is within ±25% of it). Under attack
 * it is 500 by default: about 120 round trips per table every 20 s.
 */
const EVERY = flag('every', ATTACK ? 500 : 2000);
/**
 * Seconds between the last join and the baseline. The first seconds after 200 phones and 120 screens joined
 * are slower (the servers' code is still warming up, and the joins' garbage is collected): a baseline taken
 * there makes any later phase look good. Under attack it is 10 s by default.
 */
const WARMUP = flag('warmup', ATTACK ? 10 : 2);
const ROLES = ['commander', 'ops', 'comms'] as const;

/**
 * Quiet (before the attack and between its spells), under attack, settling just after a spell (not counted), and
 * the last quiet phase after it (the players play on while the memory settles).
 */
type Phase = 'baseline' | 'attack' | 'settling' | 'after';
const latencies = {
  command: [] as { table: number; phase: Phase; spell: number; ms: number; at: number }[],
  vote: [] as { phase: Phase; ms: number }[],
};
// Round trips while the tables and phones join and the run warms up count neither way.
let phase: Phase = 'settling';
/** Each phase of the run in order (quiet, attack, settling…); a round trip notes the index of the one it ended in. */
const spells: Phase[] = [];
let spell = -1;
function enter(p: Phase): void {
  phase = p;
  spells.push(p);
  spell = spells.length - 1;
}
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
        if (at !== undefined) latencies.command.push({ table, phase, spell, ms: performance.now() - at, at });
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
    setTimeout(loop, EVERY * (0.75 + Math.random() * 0.5));
  };
  setTimeout(loop, Math.random() * EVERY);
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

const servers = await startServers(PROCESSES, flag('port', 2790));
const urls = servers.urls;
const rooms: Room[] = [];
const memory = { beforeMb: 0, peakMb: 0, afterMb: 0 };
/**
 * What each phase cost over all its spells: CPU seconds of the servers (then Redis), of this process's clients
 * and of the attacker's process, and how late the clients ran at worst.
 */
interface Spent {
  spells: { from: number; to: number }[];
  seconds: number;
  servers: number[];
  clients: number;
  attacker: number;
  clientLoopP99Ms: number;
}
const spent: Partial<Record<Phase, Spent>> = {};
/** A phase's CPU as shares of one core. */
function cores(s: Spent | undefined): { servers: number[]; clients: number; attacker: number } {
  const per = (cpu: number) => (s && s.seconds > 0 ? round(cpu / s.seconds) : 0);
  return { servers: s?.servers.map(per) ?? [], clients: per(s?.clients ?? 0), attacker: per(s?.attacker ?? 0) };
}
/** How late this process's own clients ran: their lateness is in every round trip measured. */
const loop = monitorEventLoopDelay({ resolution: 10 });
const attacker: Record<string, number | string> = {};
let attackerProc: AttackerProcess | null = null;
/** Runs a phase and notes what every process spent in it. */
async function measure(p: Phase, during: () => Promise<void>): Promise<void> {
  enter(p);
  const from = performance.now();
  const serversFrom = servers.cpuSeconds();
  const clientsFrom = process.cpuUsage();
  const attackerFrom = attackerProc ? cpuOf(attackerProc.child.pid ?? 0) : 0;
  loop.reset();
  loop.enable();
  await during();
  loop.disable();
  const to = performance.now();
  const c = process.cpuUsage(clientsFrom);
  const s = spent[p] ?? { spells: [], seconds: 0, servers: [], clients: 0, attacker: 0, clientLoopP99Ms: 0 };
  spent[p] = {
    spells: [...s.spells, { from, to }],
    seconds: s.seconds + (to - from) / 1000,
    servers: servers.cpuSeconds().map((t, i) => (s.servers[i] ?? 0) + t - (serversFrom[i] ?? 0)),
    clients: s.clients + (c.user + c.system) / 1e6,
    attacker: s.attacker + (attackerProc ? cpuOf(attackerProc.child.pid ?? 0) - attackerFrom : 0),
    clientLoopP99Ms: Math.max(s.clientLoopP99Ms, Math.round(loop.percentile(99) / 1e6)),
  };
}
/** Adds what the attacker got in one spell to what it got before. */
function tally(got: Record<string, number>): void {
  for (const [k, v] of Object.entries(got)) attacker[k] = (Number(attacker[k]) || 0) + v;
}
try {
  if (ATTACK) attackerProc = await attackerProcess(flag('attacker-niceness', 19));
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
    `${PROCESSES} process(es)${servers.redis ? ' with Redis' : ''}: ${TABLES} tables × ${PLAYERS} players (a decision every ${EVERY} ms each) and ${AUDIENCE} in the audience, ${WARMUP} s to warm up, ${ATTACK ? `then ${WINDOWS} spell(s) of ${WINDOW} s of ${ATTACK} from a process of its own, each between two quiet ones as long` : `${SECONDS} s`}…`,
  );
  await sleep(WARMUP);
  memory.beforeMb = servers.memoryMb();
  const watch = setInterval(() => {
    memory.peakMb = Math.max(memory.peakMb, servers.memoryMb());
  }, 500);
  await measure('baseline', async () => {
    await sleep(WINDOW);
  });
  if (ATTACK && attackerProc) {
    const proc = attackerProc;
    for (let n = 0; n < WINDOWS; n++) {
      await measure('attack', async () => {
        tally(await proc.go({ mode: ATTACK, urls, codes: codes.slice(TABLES), seconds: WINDOW }));
      });
      await measure('settling', async () => {
        await sleep(SETTLING);
      });
      if (n < WINDOWS - 1)
        await measure('baseline', async () => {
          await sleep(WINDOW - SETTLING);
        });
    }
    console.log(`attack over; waiting ${SETTLE} s for the memory to settle…`);
    await measure('after', async () => {
      await sleep(Math.max(0, Math.min(WINDOW, SETTLE) - SETTLING));
    });
    // The rest of the minute the memory is given counts neither way.
    enter('settling');
    await sleep(Math.max(0, SETTLE - Math.max(WINDOW, SETTLING)));
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
  attackerProc?.stop();
  await servers.stop();
}

/** Each table's p95 in one set of its round trips over its p95 in another: how much worse it did. */
function tableRatios(of: (c: (typeof latencies.command)[number]) => 'before' | 'after' | null): {
  ratios: number[];
  fewest: number;
  /** The tables at ×1.5 or more: their p95 before and after, in ms. */
  over: string[];
} {
  let fewest = Number.POSITIVE_INFINITY;
  const over: string[] = [];
  const ratios = Array.from({ length: TABLES }, (_, t) => {
    const mine = latencies.command.filter((c) => c.table === t);
    const before = mine.filter((c) => of(c) === 'before').map((c) => c.ms);
    const after = mine.filter((c) => of(c) === 'after').map((c) => c.ms);
    fewest = Math.min(fewest, before.length, after.length);
    const b = pct(before, 95);
    const a = pct(after, 95);
    if (b > 0 && a / b >= 1.5) over.push(`table ${t}: ${b.toFixed(1)} → ${a.toFixed(1)} ms`);
    return b > 0 && a > 0 ? a / b : 0;
  }).filter((r) => r > 0);
  return { ratios, fewest: Number.isFinite(fewest) ? fewest : 0, over };
}
// The criterion: every table's p95 under attack under 1.5× its own p95 in the quiet spells of the same run
// (before the attack, between its spells and after it), so that the machine's load drifting up or down over the
// run (other work on it) weighs on both sides alike.
const underAttack = tableRatios((c) => (c.phase === 'attack' ? 'after' : c.phase === 'settling' ? null : 'before'));
// The same figure with no attack at all, to read it against: every other quiet spell over the ones between them
// (with one spell of attack, the quiet phase after it over the one before it).
const isQuiet = (p: Phase) => p === 'baseline' || p === 'after';
const quietIndex = spells.map((_, i) => spells.slice(0, i).filter(isQuiet).length);
const control = tableRatios((c) =>
  isQuiet(c.phase) ? ((quietIndex[c.spell] ?? 0) % 2 === 1 ? 'after' : 'before') : null,
);
/** Every table's round trips together, p95 in each counted spell in order ("quiet 2.1", "attack 2.4"…). */
function spellBySpell(): string[] {
  return spells.flatMap((p, i) => {
    if (p === 'settling') return [];
    const ms = latencies.command.filter((c) => c.spell === i).map((c) => c.ms);
    return [`${p === 'attack' ? 'attack' : 'quiet'} ${pct(ms, 95).toFixed(1)}`];
  });
}
/** How late a phase's servers ran: the worst second's p99 and the longest stall, in ms. */
function serverLoop(p: Phase): { p99: number; max: number } {
  const spells = spent[p]?.spells ?? [];
  const seconds = servers.loop.filter((l) => spells.some((s) => l.at > s.from + 1000 && l.at <= s.to + 1000));
  return {
    p99: Math.round(Math.max(0, ...seconds.map((l) => l.p99))),
    max: Math.round(Math.max(0, ...seconds.map((l) => l.max))),
  };
}
const all = latencies.command.map((c) => c.ms);
const votes = latencies.vote.map((v) => v.ms);
const base = cores(spent.baseline);
const underIt = cores(spent.attack);
const figures = {
  processes: PROCESSES,
  redis: servers.redis !== null,
  tables: TABLES,
  players: PLAYERS,
  audience: AUDIENCE,
  seconds: SECONDS,
  ...(ATTACK ? { windows: WINDOWS, settlingSeconds: SETTLING } : {}),
  everyMs: EVERY,
  warmupSeconds: WARMUP,
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
        afterCommandP95Ms: Math.round(pct(byPhase(latencies.command, 'after'), 95)),
        commandP95Ratio: round(
          pct(byPhase(latencies.command, 'attack'), 95) /
            Math.max(1, pct([...byPhase(latencies.command, 'baseline'), ...byPhase(latencies.command, 'after')], 95)),
        ),
        fewestTableRoundTrips: underAttack.fewest,
        medianTableP95Ratio: round(pct(underAttack.ratios, 50)),
        worstTableP95Ratio: round(Math.max(0, ...underAttack.ratios)),
        tablesOver1_5: underAttack.ratios.filter((r) => r >= 1.5).length,
        controlMedianTableP95Ratio: round(pct(control.ratios, 50)),
        controlWorstTableP95Ratio: round(Math.max(0, ...control.ratios)),
        memoryBeforeMb: Math.round(memory.beforeMb),
        memoryPeakMb: Math.round(memory.peakMb),
        memoryAfterMb: Math.round(memory.afterMb),
        attacker,
        attackerNiceness: attackerProc?.niceness ?? 0,
        attackCores: underIt,
        attackClientLoopP99Ms: spent.attack?.clientLoopP99Ms ?? 0,
        attackServerLoopMs: serverLoop('attack'),
      }
    : { memoryPeakMb: Math.round(memory.peakMb) }),
  // Share of one core each used during the (baseline) phase: servers…, then Redis; and the clients here.
  serverCores: base.servers,
  clientCores: base.clients,
  clientLoopDelayP99Ms: spent.baseline?.clientLoopP99Ms ?? 0,
  serverLoopMs: serverLoop('baseline'),
  loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  errors,
};
console.log(
  `commands: ${figures.commands} round trips, p50 ${figures.commandP50Ms} ms, p95 ${figures.commandP95Ms} ms`,
);
console.log(`votes:    ${figures.votes} round trips, p50 ${figures.voteP50Ms} ms, p95 ${figures.voteP95Ms} ms`);
if ('commandP95Ratio' in figures) {
  console.log(
    `under ${ATTACK}: command p95 ${figures.underAttackCommandP95Ms} ms, after it ${figures.afterCommandP95Ms} ms (×${figures.commandP95Ratio} of the quiet spells); each table's p95 under attack over its own p95 in the quiet phases (${WINDOWS} spell(s) of ${WINDOW} s; ${figures.fewestTableRoundTrips}+ round trips a table each way): median ×${figures.medianTableP95Ratio}, worst ×${figures.worstTableP95Ratio}, ${figures.tablesOver1_5} of ${TABLES} at ×1.5 or more (with no attack, every other quiet spell over the rest: median ×${figures.controlMedianTableP95Ratio}, worst ×${figures.controlWorstTableP95Ratio})`,
  );
  if (underAttack.over.length > 0) console.log(`          at ×1.5 or more: ${underAttack.over.join('; ')}`);
  console.log(`          p95 of every table's round trips, spell by spell: ${spellBySpell().join(' · ')}`);
  console.log(
    `          memory ${figures.memoryBeforeMb} → peak ${figures.memoryPeakMb} → ${figures.memoryAfterMb} MB a minute later; attacker ${JSON.stringify(attacker)}`,
  );
  console.log(
    `          cpu under attack: servers ${figures.attackCores.servers.join(' + ')}, clients ${figures.attackCores.clients}, attacker ${figures.attackCores.attacker} (at niceness ${figures.attackerNiceness}); event loops late (worst second's p99 / longest): servers ${figures.attackServerLoopMs.p99} / ${figures.attackServerLoopMs.max} ms, clients ${figures.attackClientLoopP99Ms} ms`,
  );
}
console.log(
  `cpu:      servers ${figures.serverCores.join(' + ')} cores${servers.redis ? ' (the last is Redis)' : ''}, clients ${figures.clientCores}; event loops late (worst second's p99 / longest): servers ${figures.serverLoopMs.p99} / ${figures.serverLoopMs.max} ms, clients ${figures.clientLoopDelayP99Ms} ms (p99); load average ${figures.loadAverage}`,
);
console.log(`errors:   ${errors}${problems.size ? ` (${[...problems].slice(0, 3).join('; ')})` : ''}`);
console.log(JSON.stringify(figures));
process.exit(0);
