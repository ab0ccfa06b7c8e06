import { request } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FACILITATOR_ROOM } from '../../src/protocol/facilitator';
import { TABLE_ROOM, tableUp } from '../../src/protocol/table';
import { commandsOf, screen, serverTable, sit } from './screens';
import { type Console, FACILITATOR_CODE, openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

let s: Stage;
let desk: Console;
beforeAll(async () => {
  // Clients may name their address (as behind a proxy), so that the flooder's address is its own.
  s = await stage({ maxTables: 8, trustedProxies: ['127.0.0.1'] });
  desk = await openConsole(s.sdk);
});
afterAll(async () => {
  await s.stop();
});

/** A message no channel carries, as a hostile client sends it. */
const NO_SUCH_MESSAGE = 'no-such-message-at-all';

const table = async (seed: number) => (await desk.setUp([{ seed, weeks: 1 }]))[0] as string;

/** A raw HTTP request to the stage: its status and headers. */
function http(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path, method: init.method ?? 'GET', headers: init.headers });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Opens a raw web socket with an Origin: resolves with how the handshake ended. */
function socket(origin: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/x/y`, { headers: { Origin: origin } });
    ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.on('open', () => {
      resolve('open');
      ws.close();
    });
    ws.on('error', () => resolve('error'));
  });
}

describe('seats are owned', () => {
  it('refuses a second claimant of a role and a name already at the table; the token brings a seat back', async () => {
    const code = await table(11);
    const ada = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    await expect(s.sdk.joinById(code, { player: 'Mallory', role: 'commander' })).rejects.toThrow(
      'Ada already sits as Incident commander',
    );
    await expect(s.sdk.joinById(code, { player: ' ada ', role: 'ops' })).rejects.toThrow(
      'someone called Ada already sits at this table',
    );
    // Nobody is credited as Ada but Ada: a command from another seat is credited to that seat.
    const bao = await sit(s.sdk, code, { player: 'Bao', role: 'ops' });
    bao.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.3 });
    await until(() => commandsOf(ada.seen.entries, 'setTeamFocus').length === 1);
    expect(commandsOf(ada.seen.entries, 'setTeamFocus')[0]).toMatchObject({ seat: { player: 'Bao', role: 'ops' } });
    // Ada's token, on a new screen, is Ada's seat; the old screen is told its seat moved.
    const token = ada.seen.token as string;
    expect(token.length).toBeGreaterThan(20);
    let oldLeft = 0;
    ada.room.onLeave((c) => {
      oldLeft = c;
    });
    const again = await sit(s.sdk, code, { player: 'Someone', role: 'spectator', token });
    expect(again.seen.seat).toEqual({ player: 'Ada', role: 'commander' });
    await until(() => oldLeft === 4009, 5000, 'the old screen to give the seat up');
    // A made-up token is no seat.
    await expect(
      s.sdk.joinById(code, { player: 'Ada', role: 'commander', token: 'made-up-token-0123456789' }),
    ).rejects.toThrow('Ada already sits');
  });

  it('a spectator can neither decide nor run the clock (see the table room), and hello is answered once per join', async () => {
    const code = await table(12);
    const p = await sit(s.sdk, code, { player: 'Hal', role: 'ops' });
    p.send.hello({});
    await until(() => p.seen.refused.length === 1);
    expect(p.seen.refused[0]).toBe('"hello" is answered once per join');
    expect(p.seen.welcomes).toBe(1);
  });
});

describe('what was read is what is kept', () => {
  it('logs and sends the command its schema parsed, never the fields that came with it', async () => {
    const code = await table(17);
    const p = await sit(s.sdk, code, { player: 'Ivy', role: 'ops' });
    const raw = JSON.parse(
      '{"type":"setTeamFocus","team":"web","reliabilityShare":0.5,"note":"NOTE","__proto__x":{"polluted":true}}'.replace(
        'NOTE',
        'x'.repeat(2800),
      ),
    );
    tableUp.to(p.room).command(raw);
    await until(() => commandsOf(p.seen.entries, 'setTeamFocus').length === 1);
    const sent = commandsOf(p.seen.entries, 'setTeamFocus')[0];
    const kept = commandsOf(serverTable(code).session.log().entries, 'setTeamFocus')[0];
    for (const entry of [sent, kept])
      expect(entry && 'command' in entry ? entry.command : null).toEqual({
        type: 'setTeamFocus',
        team: 'web',
        reliabilityShare: 0.5,
      });
  });
});

describe('tables come only from the facilitator', () => {
  it('refuses a table asked of the matchmaker, a table without its code, and more tables than the cap', async () => {
    await expect(s.sdk.create(TABLE_ROOM, { seed: 1 })).rejects.toThrow();
    await expect(s.sdk.joinOrCreate(TABLE_ROOM, { code: '00000000', ticket: 'guess' })).rejects.toThrow();
    const code = await table(13);
    // A private table is found by its code only.
    await expect(s.sdk.join(TABLE_ROOM, {})).rejects.toThrow();
    await expect(s.sdk.joinOrCreate(TABLE_ROOM, {})).rejects.toThrow();
    expect(serverTable(code).clients).toHaveLength(0);
    // Nothing was made of those tries: every table room is one the console set up.
    const tables = await matchMaker.query({ name: TABLE_ROOM });
    expect(tables.map((t) => t.roomId).sort()).toEqual((await s.rooms.tables.store.open()).sort());
    // Even asked by the server's own matchmaker (as from another process), a table without the ticket is refused.
    await expect(matchMaker.createRoom(TABLE_ROOM, { code, ticket: 'guess' })).rejects.toThrow(
      'only the facilitator console sets tables up',
    );
    const open = (await s.rooms.tables.store.open()).length;
    const refusals = desk.heard.refused.length;
    desk.desk.setUp({ tables: Array.from({ length: 9 - open }, (_, i) => ({ seed: 100 + i, weeks: 1 })) });
    await until(() => desk.heard.refused.length > refusals, 15_000, 'the cap');
    expect(desk.heard.refused.at(-1)).toMatch(/8 tables are open, the most this server holds/);
    const codes = await s.rooms.tables.store.open();
    expect(codes).toHaveLength(8);
    for (const c of codes) desk.desk.close({ table: c });
    await until(() => codes.every((c) => !matchMaker.getLocalRoomById(c)), 5000, 'the tables to close');
  });
});

describe('the facilitator code', () => {
  it('is compared only at the rate allowed: right after a wrong guess even the right code waits', async () => {
    await expect(s.sdk.joinOrCreate(FACILITATOR_ROOM, { code: 'guess-guess-guess' })).rejects.toThrow(
      'wrong facilitator code',
    );
    await expect(s.sdk.joinOrCreate(FACILITATOR_ROOM, { code: FACILITATOR_CODE })).rejects.toThrow(
      /too many wrong codes from this address: wait \d+ s/,
    );
    // Once the wait is over, the right code opens the console.
    let opened = false;
    await until(
      () => {
        if (!opened)
          void s.sdk
            .joinOrCreate(FACILITATOR_ROOM, { code: FACILITATOR_CODE })
            .then(() => {
              opened = true;
            })
            .catch(() => undefined);
        return opened;
      },
      5000,
      'the console to open',
    );
  });
});

describe('the door refuses before reading', () => {
  it('a guess at the console’s code while its address waits, and matchmaking over the address’s rate', async () => {
    const guesser = new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.77' } });
    await expect(guesser.joinOrCreate(FACILITATOR_ROOM, { code: 'guess-guess-guess' })).rejects.toThrow(
      'wrong facilitator code',
    );
    // During the wait a try is answered at the door: a body the matchmaker could not even parse is not read.
    const garbage = (address: string) =>
      http(`/matchmake/joinOrCreate/${FACILITATOR_ROOM}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '9', 'X-Forwarded-For': address },
        body: 'not json!',
      });
    const waiting = await garbage('10.0.0.77');
    expect(waiting.status).toBe(429);
    expect(JSON.parse(waiting.body).error).toMatch(/too many wrong codes from this address: wait 1 s/);
    // Another address's request reaches the matchmaker, which finds it unreadable.
    const other = await garbage('10.0.0.78');
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body).error).toMatch(/JSON/);
    // Sixty joins at once from one address, then the rest are refused until tokens come back (20 a second).
    const joins = await Promise.all(
      Array.from({ length: 80 }, () =>
        http('/matchmake/joinById/NOSUCHTABLE', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': '2', 'X-Forwarded-For': '10.0.0.79' },
          body: '{}',
        }),
      ),
    );
    const refused = joins.filter((j) => j.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(joins.length - refused.length).toBeGreaterThanOrEqual(60);
    expect(JSON.parse(refused[0]?.body ?? '{}').error).toBe('too many requests from this address');
  });
});

describe('a client that floods', () => {
  it('is refused, then disconnected; its table and the others play on', async () => {
    const code = await table(14);
    const other = await table(15);
    const attacker = new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.66' } });
    const flooder = await sit(attacker, code, { player: 'Flo', role: 'ops' });
    const victim = await sit(s.sdk, other, { player: 'Vic', role: 'ops' });
    let leftWith = 0;
    flooder.room.onLeave((c) => {
      leftWith = c;
    });
    const send = tableUp.to(flooder.room);
    for (let i = 0; i < 5000; i++) send.hash({});
    for (let i = 0; i < 100; i++) flooder.room.send(NO_SUCH_MESSAGE, { junk: 'x'.repeat(100) });
    await until(() => leftWith !== 0, 10_000, 'the flooder to be cut off');
    expect(flooder.seen.refused.length).toBeLessThan(20);
    expect(flooder.seen.refused.some((r) => r === 'too many "hash" messages')).toBe(true);
    victim.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.5 });
    await until(() => commandsOf(victim.seen.entries, 'setTeamFocus').length === 1);
    // Its address waits before it may join again; everyone else joins as before.
    await expect(attacker.joinById(code, { player: 'Flo', role: 'ops' })).rejects.toThrow(
      /cut off for flooding|Too Many Requests/,
    );
    const late = await sit(s.sdk, code, { player: 'Lee', role: 'spectator' });
    expect(late.seen.seat).toEqual({ player: 'Lee', role: 'spectator' });
  });

  it('a console that floods is cut off by its own address, which then waits; other consoles carry on', async () => {
    const sdk = new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.91' } });
    const flooding = await openConsole(sdk);
    let leftWith = 0;
    flooding.room.onLeave((c) => {
      leftWith = c;
    });
    for (let i = 0; i < 3000; i++) flooding.desk.timer({ label: 'spam' });
    await until(() => leftWith !== 0, 10_000, 'the flooding console to be cut off');
    await expect(openConsole(sdk)).rejects.toThrow(/cut off for flooding|Too Many Requests/);
    const other = await openConsole(new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.92' } }));
    expect(await other.setUp([{ seed: 19, weeks: 1 }])).toHaveLength(1);
  });

  it('is cut off at the socket, unread, when it sends frames no room would answer or count', async () => {
    const code = await table(18);
    const attacker = new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.67' } });
    const junk = await sit(attacker, code, { player: 'Jun', role: 'spectator' });
    let leftWith = 0;
    junk.room.onLeave((c) => {
      leftWith = c;
    });
    // Frames of no message kind the room library knows: it would drop each without a word, so no refusal is
    // ever counted against them. The socket's own budget stops them.
    const raw = (junk.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
    for (let i = 0; i < 1000 && raw.readyState === WebSocket.OPEN; i++) raw.send(Buffer.from([0xff, i & 255]));
    await until(() => leftWith !== 0, 10_000, 'the socket to be cut off');
    expect(junk.seen.refused).toEqual([]);
    await until(() => serverTable(code).clients.length === 0, 5000, 'the table to let it go');
    await expect(attacker.joinById(code, { player: 'Jun', role: 'spectator' })).rejects.toThrow(
      /cut off for flooding|Too Many Requests/,
    );
  });

  it('a reader that does not read is dropped once its outgoing buffer is full', async () => {
    const code = await table(16);
    const reader = new Client(s.url, { headers: { 'X-Forwarded-For': '10.0.0.77' } });
    const slow = screen(await reader.joinById(code, { player: 'Sal', role: 'spectator' }));
    await until(() => slow.seen.log !== null);
    let left = 0;
    slow.room.onLeave((c) => {
      left = c;
    });
    // The screen stops reading its socket; the server keeps sending (10 kB notes to the table, as fast as it can).
    const raw = (
      slow.room.connection as unknown as { transport: { ws: { _socket: { pause(): void; resume(): void } } } }
    ).transport.ws;
    raw._socket.pause();
    const room = serverTable(code) as unknown as {
      everyone: { refused(m: { reason: string }): void };
      clients: { ref: { readyState: number } }[];
    };
    const note = 'x'.repeat(10_000);
    const open = () => room.clients[0]?.ref.readyState === WebSocket.OPEN;
    let sent = 0;
    while (sent < 10_000 && open()) {
      room.everyone.refused({ reason: note });
      sent++;
    }
    expect(open()).toBe(false);
    // Dropped after a few megabytes (what the kernel holds, then the server's cap), not after everything.
    expect(sent).toBeLessThan(3_000);
    await until(() => room.clients.length === 0, 5000, 'the slow reader to leave the table');
    raw._socket.resume();
    await until(() => left !== 0, 10_000, 'the slow reader to see it was dropped');
  });
});

describe('the door', () => {
  it('refuses web sockets and matchmaking from other origins, and answers with security headers', async () => {
    expect(await socket('http://evil.example')).toBe('refused 403');
    const page = await http('/', { headers: { Origin: 'http://evil.example' } });
    expect(page.status).toBe(403);
    const joined = await http('/matchmake/joinOrCreate/audience', {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json', 'Content-Length': '2' },
      body: '{}',
    });
    expect(joined.status).toBe(403);
    const own = await http('/matchmake/joinOrCreate/audience', {
      method: 'POST',
      headers: { Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/json', 'Content-Length': '2' },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBe(`http://127.0.0.1:${s.port}`);
    expect(own.headers['access-control-allow-credentials']).toBeUndefined();
    for (const answer of [page, own]) {
      expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('refuses a matchmaking request larger than its bound before reading it', async () => {
    const huge = await http('/matchmake/joinOrCreate/audience', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(64 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    const big = await http('/matchmake/joinOrCreate/audience', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(100_000) },
      body: `{"device":"${'x'.repeat(99_980)}"}`,
    });
    expect(big.status).toBe(413);
  });
});
