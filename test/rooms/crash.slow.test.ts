import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import { afterAll, expect, it } from 'vitest';
import { FileTables } from '../../server/fileTables';
import { joinTable, type SeatTokens, type TableLine } from '../../src/app/remoteTable';
import { type DeviceToken, joinAudience } from '../../src/app/roomsConsole';
import type { Tally } from '../../src/protocol/audience';
import { facilitatorDown } from '../../src/protocol/facilitator';
import { type InputLog, type LogEntry, replayLog, stateHash } from '../../src/sim';
import { hear } from './listeners';
import { sit } from './screens';
import { type ServerProcess, startServer } from './serverProcess';
import { FACILITATOR_CODE, freePort, openConsole } from './stage';
import { until } from './waiting';

let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
});

/** A player's screen through the browser's own line to the table: it reconnects by itself. */
async function player(url: string, code: string, name: string) {
  const kept = new Map<string, string>();
  const tokens: SeatTokens = { get: (t) => kept.get(t) ?? null, set: (t, token) => kept.set(t, token) };
  const seen = {
    log: null as InputLog | null,
    entries: [] as LogEntry[],
    minute: 0,
    welcomes: 0,
    welcomedAt: 0,
    notices: [] as string[],
    left: null as string | null,
  };
  const line: TableLine = await joinTable(
    url,
    code.toLowerCase(),
    { player: name, role: 'commander' },
    {
      welcome: (log) => {
        seen.log = log;
        seen.entries = [...log.entries];
        seen.minute = log.until;
        seen.welcomes++;
        seen.welcomedAt = Date.now();
      },
      entries: (e) => seen.entries.push(...e),
      minute: (m) => {
        seen.minute = m;
      },
      control: () => {},
      refused: () => {},
      notice: (text) => seen.notices.push(text),
      left: (why) => {
        seen.left = why;
      },
    },
    tokens,
  );
  return { line, seen };
}

/** A phone in the audience through the vote page's own line: it keeps its device token and comes back by itself. */
async function phone(url: string) {
  let token: string | null = null;
  const device: DeviceToken = { get: () => token, set: (t) => (token = t) };
  const seen = { tally: null as Tally | null, counted: null as number | null, notices: [] as (string | null)[] };
  const line = await joinAudience(url, device, {
    tally: (t) => {
      seen.tally = t;
    },
    result: () => {},
    counted: (o) => {
      seen.counted = o;
    },
    refused: () => {},
    notice: (n) => seen.notices.push(n),
  });
  return { line, seen };
}

it('kill -9 mid-round with three tables and an open vote: every table comes back at its minute with the same world, every screen within 10 s, every vote counted', async () => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'firepants-crash-'));
  const env = { PORT: String(port), HOST: '127.0.0.1', ROOMS_DATA: dataDir, FACILITATOR_CODE };
  const url = `ws://127.0.0.1:${port}`;
  server = await startServer(env);
  const desk = await openConsole(new Client(url));
  const codes = await desk.setUp(
    [1, 2, 3].map((seed) => ({ scenario: 'platform', seed, weeks: 2, label: `T${seed}`, autoPause: false })),
  );
  const players = await Promise.all(codes.map((c, i) => player(url, c, `Ada${i}`)));
  await until(() => players.every((p) => p.seen.welcomes === 1), 10_000, 'three welcomes');
  for (const [i, p] of players.entries()) {
    p.line.control('speed', 8);
    p.line.control('resume');
    p.line.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.2 + i / 10 });
  }
  desk.desk.inject({ table: codes[1] as string, service: 'catalog', kind: 'capacity' });
  await until(() => players.every((p) => p.seen.minute > 600), 60_000, 'ten hours played at every table');

  // An open vote: five phones vote, and the console sees them counted.
  let consoleTally: Tally | null = null;
  hear(facilitatorDown, desk.room, {
    tally: (t) => {
      consoleTally = t;
    },
  });
  desk.desk.openVote({ question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
  const phones = await Promise.all([0, 1, 2, 3, 4].map(() => phone(url)));
  await until(() => phones.every((p) => p.seen.tally?.open === true), 10_000, 'the vote on every phone');
  phones.forEach((p, i) => {
    p.line.vote(i < 2 ? 0 : 1);
  });
  await until(() => phones.every((p) => p.seen.counted !== null), 10_000, 'five votes counted');
  await until(() => (consoleTally as Tally | null)?.counts.join() === '2,3', 10_000, 'the console tally');

  // The crash, in the middle of the round.
  const seenBefore = players.map((p) => p.seen.minute);
  await server.crash();
  const restartedAt = Date.now();
  server = await startServer(env);
  await until(() => players.every((p) => p.seen.welcomes === 2), 20_000, 'every screen back');
  const backWithin = Math.max(...players.map((p) => p.seen.welcomedAt - restartedAt));
  console.log(`every screen was back ${backWithin} ms after the restart began`);
  expect(backWithin).toBeLessThan(10_000);
  expect(players.every((p) => p.seen.notices.some((n) => n.startsWith('The room server is back in a moment')))).toBe(
    true,
  );

  // Each table is at its minute (never behind what its screens were shown), with the world its log replays to.
  const kept = new FileTables(dataDir);
  const client = new Client(url);
  for (const [i, code] of codes.entries()) {
    const table = await kept.read(code);
    expect(table?.closed).toBeNull();
    const log: InputLog = {
      logVersion: 1,
      scenario: table!.setup.scenario,
      seed: table!.setup.seed,
      weeks: table!.setup.weeks,
      entries: table!.entries,
      until: table!.until,
    };
    const replay = replayLog(log);
    if (!replay.ok) throw new Error(replay.problem);
    const watcher = await sit(client, code, { player: `Watcher${i}`, role: 'spectator' });
    watcher.send.hash({});
    await until(() => watcher.seen.hash !== null, 5000, 'the server hash');
    const hash = watcher.seen.hash as unknown as { minute: number; stateHash: string };
    expect(hash.minute).toBe(table?.until);
    expect(hash.minute).toBeGreaterThanOrEqual(seenBefore[i] as number);
    expect(hash.stateHash).toBe(stateHash(replay.state));
    // The screen caught up from the log: it shows the server's world without a reload.
    const p = players[i]!;
    expect(p.seen.minute).toBe(hash.minute);
    const mine = replayLog({ ...(p.seen.log as InputLog), entries: p.seen.entries, until: p.seen.minute });
    expect(mine.ok && stateHash(mine.state)).toBe(hash.stateHash);
    expect(p.seen.left).toBeNull();
    expect(watcher.seen.paused).toBe(true);
  }

  // Every vote cast before the crash still counts, and each phone still sees its own.
  const desk2 = await openConsole(new Client(url));
  let after: Tally | null = null;
  hear(facilitatorDown, desk2.room, {
    tally: (t) => {
      after = t;
    },
  });
  await until(() => after !== null, 5000, 'the tally after the restart');
  expect((after as Tally | null)?.counts).toEqual([2, 3]);
  await until(() => phones.every((p) => p.seen.notices.at(-1) === null), 15_000, 'every phone back');
  // A phone that votes again changes its vote; it does not add one.
  phones[0]?.line.vote(1);
  await until(() => (after as Tally | null)?.counts.join() === '1,4', 5000, 'the changed vote');

  // A wrong code is refused, and the server's window says so in one line with the address, no stack trace.
  await expect(openConsole(new Client(url), 'not-the-code')).rejects.toThrow();
  const refusal = () =>
    server?.output
      .join('')
      .split('\n')
      .find((l) => l.includes('facilitator code')) ?? null;
  await until(() => refusal() !== null, 5000, 'the refusal in the log');
  expect(refusal()).toMatch(/^refused 127\.0\.0\.1 facilitator code: /);
  expect(server.output.join('')).not.toMatch(/\n\s+at /);
}, 120_000);
