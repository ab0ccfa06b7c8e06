import { boot, type ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { roomServer } from '../../server/roomServer';
import { FACILITATOR_ROOM, facilitatorDown, facilitatorUp, type TableRow } from '../../src/protocol/facilitator';
import { TABLE_ROOM, tableDown, tableUp } from '../../src/protocol/table';
import { stateHash } from '../../src/sim';
import type { InputLog, LogEntry } from '../../src/sim/inputLog';
import { replayLog } from '../../src/sim/logReplay';
import { until, wait } from './waiting';

const CODE = 'table-talk';
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await boot(roomServer(CODE), 2600 + (process.pid % 300));
});
afterAll(async () => {
  await colyseus.shutdown();
});
beforeEach(async () => {
  await colyseus.cleanup();
});

/** A screen at the table: it keeps the log as it arrives, as a browser would, and replays it. */
function screen(room: Awaited<ReturnType<ColyseusTestServer['connectTo']>>) {
  const seen = {
    log: null as InputLog | null,
    entries: [] as LogEntry[],
    minute: 0,
    refused: [] as string[],
    paused: true,
    hash: null as { minute: number; stateHash: string } | null,
  };
  tableDown.listen(room, {
    welcome: (m) => {
      seen.log = m.log;
      seen.entries = [...m.log.entries];
      seen.minute = m.log.until;
    },
    entries: (m) => seen.entries.push(...m.entries),
    tick: (m) => {
      seen.minute = m.minute;
    },
    control: (m) => {
      seen.paused = m.paused;
    },
    refused: (m) => seen.refused.push(m.reason),
    seats: () => {},
    hash: (m) => {
      seen.hash = m;
    },
  });
  tableUp.to(room).hello({});
  const replayed = () => {
    if (!seen.log) throw new Error('no welcome');
    const r = replayLog({ ...seen.log, entries: seen.entries, until: seen.minute, stateHash: undefined });
    if (!r.ok) throw new Error(r.problem);
    return stateHash(r.state);
  };
  return { seen, replayed };
}

describe('a table room', () => {
  it('two players decide together; every screen replays the same world as the server', async () => {
    const room = await colyseus.createRoom(TABLE_ROOM, { scenario: 'platform', seed: 42, weeks: 1 });
    const ada = await colyseus.connectTo(room, { player: 'Ada', role: 'commander' });
    const bao = await colyseus.connectTo(room, { player: 'Bao', role: 'ops' });
    const a = screen(ada);
    const b = screen(bao);
    await until(() => a.seen.log !== null && b.seen.log !== null);
    tableUp.to(ada).control({ control: 'speed', value: 8 });
    tableUp.to(ada).control({ control: 'resume' });
    await until(() => a.seen.minute > 200);
    tableUp.to(ada).command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.4 });
    tableUp.to(bao).command({ type: 'setTeamFocus', team: 'data', reliabilityShare: 0.25 });
    await until(() => b.seen.entries.filter((e) => 'command' in e && e.command.type === 'setTeamFocus').length === 2);
    await wait(300);
    tableUp.to(bao).control({ control: 'pause' });
    await until(() => a.seen.paused && b.seen.paused);
    await wait(200);
    tableUp.to(ada).hash({});
    await until(() => a.seen.hash !== null);
    const server = a.seen.hash as { minute: number; stateHash: string };
    expect(server.minute).toBeGreaterThan(200);
    await until(() => a.seen.minute === server.minute && b.seen.minute === server.minute);
    expect(a.replayed()).toBe(server.stateHash);
    expect(b.replayed()).toBe(server.stateHash);
  });

  it('refuses a spectator’s command, a malformed one and a fire from a player, naming why', async () => {
    const room = await colyseus.createRoom(TABLE_ROOM, { seed: 1, weeks: 1 });
    const watcher = screen(await colyseus.connectTo(room, { player: 'Cy', role: 'spectator' }));
    const player = await colyseus.connectTo(room, { player: 'Di', role: 'comms' });
    const p = screen(player);
    await until(() => p.seen.log !== null && watcher.seen.log !== null);
    tableUp.to(player).command({ type: 'mitigate', incident: 'x', action: 'pray' });
    tableUp.to(player).command({ type: 'injectIncident', service: 'catalog', kind: 'capacity' });
    tableUp.to(player).command({ type: 'constructor' });
    tableUp.to(player).control({ control: 'speed', value: 1e9 });
    await until(() => p.seen.refused.length === 4);
    expect(p.seen.refused[0]).toMatch(/mitigate: bad action/);
    expect(p.seen.refused[1]).toMatch(/only the facilitator sets fires/);
    expect(p.seen.refused[2]).toMatch(/unknown command "constructor"/);
    expect(p.seen.refused[3]).toMatch(/value/);
  });

  it('each seat decides for its own role while the role is held, and every decision is credited to its player', async () => {
    const room = await colyseus.createRoom(TABLE_ROOM, { scenario: 'platform', seed: 5, weeks: 1 });
    const lead = await colyseus.connectTo(room, { player: 'Ada', role: 'commander' });
    const voice = await colyseus.connectTo(room, { player: 'Di', role: 'comms' });
    const l = screen(lead);
    const v = screen(voice);
    await until(() => l.seen.log !== null && v.seen.log !== null);
    // A fire to respond to, from the facilitator's side of the server, on one of Checkout's own weaknesses.
    const table = colyseus.getRoomById(room.roomId) as unknown as { injectFire(s: string, k: string): string | null };
    expect(table.injectFire('checkout', 'retry-storm')).toBeNull();
    tableUp.to(lead).control({ control: 'speed', value: 8 });
    tableUp.to(lead).control({ control: 'resume' });
    type World = { openIncidents: string[]; incidents: Record<string, { phase: string; injected: boolean }> };
    const server = colyseus.getRoomById(room.roomId) as unknown as { session: { snapshot(): World } };
    const fire = () => {
      const s = server.session.snapshot();
      return s.openIncidents.find((id) => s.incidents[id]?.injected && s.incidents[id]?.phase === 'investigating');
    };
    await until(() => fire() !== undefined, 15_000);
    tableUp.to(lead).control({ control: 'pause' });
    await until(() => l.seen.paused);
    const incident = fire();
    expect(incident).toBeDefined();
    // Comms posting is comms' decision; the commander posting while comms is seated is refused, naming who decides.
    tableUp.to(lead).command({ type: 'postStatus', incident });
    await until(() => l.seen.refused.length === 1);
    expect(l.seen.refused[0]).toBe("that is Di's decision, as Comms");
    tableUp.to(voice).command({ type: 'postStatus', incident });
    // Nobody holds ops, so the commander may mitigate, credited as themselves.
    tableUp.to(lead).command({ type: 'mitigate', incident, action: 'scale-up' });
    await until(() => v.seen.entries.filter((e) => 'seat' in e && e.seat).length === 2 || l.seen.refused.length > 1);
    expect(l.seen.refused).toHaveLength(1);
    const credited = v.seen.entries.filter((e) => 'command' in e && e.seat);
    expect(credited.map((e) => ('command' in e ? [e.command.type, e.seat] : null))).toEqual([
      ['postStatus', { player: 'Di', role: 'comms' }],
      ['mitigate', { player: 'Ada', role: 'commander' }],
    ]);
  });

  it('a late joiner catches up from the log', async () => {
    const room = await colyseus.createRoom(TABLE_ROOM, { seed: 3, weeks: 1 });
    const first = await colyseus.connectTo(room, { player: 'Ada', role: 'commander' });
    const f = screen(first);
    await until(() => f.seen.log !== null);
    tableUp.to(first).command({ type: 'setTeamFocus', team: 'sre', reliabilityShare: 0.6 });
    await until(() => f.seen.entries.some((e) => 'command' in e && e.command.type === 'setTeamFocus'));
    const late = screen(await colyseus.connectTo(room, { player: 'Eve', role: 'spectator' }));
    await until(() => late.seen.log !== null);
    expect(late.seen.entries).toEqual(f.seen.entries);
    expect(late.replayed()).toBe(f.replayed());
  });

  it('a dropped screen comes back to its seat and catches up from the log', async () => {
    const room = await colyseus.createRoom(TABLE_ROOM, { seed: 4, weeks: 1 });
    const ada = await colyseus.connectTo(room, { player: 'Ada', role: 'commander' });
    const a = screen(ada);
    await until(() => a.seen.log !== null);
    const token = ada.reconnectionToken;
    ada.connection.close(4001);
    await wait(200);
    const other = await colyseus.connectTo(room, { player: 'Bao', role: 'ops' });
    tableUp.to(other).command({ type: 'setTeamFocus', team: 'data', reliabilityShare: 0.6 });
    await wait(200);
    const back = await colyseus.sdk.reconnect(token);
    const b = screen(back);
    await until(() => b.seen.log !== null);
    expect(b.seen.entries.some((e) => 'command' in e && e.command.type === 'setTeamFocus')).toBe(true);
    tableUp.to(back).command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.3 });
    await until(() => b.seen.entries.filter((e) => 'command' in e && e.command.type === 'setTeamFocus').length === 2);
    expect(b.seen.refused).toEqual([]);
  });
});

describe('the facilitator console', () => {
  it('needs the facilitator code', async () => {
    await expect(colyseus.sdk.joinOrCreate(FACILITATOR_ROOM, { code: 'guess' })).rejects.toThrow();
  });

  it('lists every table and pauses and resumes three tables at once, and sets a fire in one', async () => {
    const rooms = await Promise.all(
      [1, 2, 3].map((seed) => colyseus.createRoom(TABLE_ROOM, { seed, weeks: 1, label: `T${seed}` })),
    );
    const screens = await Promise.all(
      rooms.map(async (r) => screen(await colyseus.connectTo(r, { player: 'P', role: 'ops' }))),
    );
    const console = await colyseus.sdk.joinOrCreate(FACILITATOR_ROOM, { code: CODE });
    let tables: TableRow[] = [];
    facilitatorDown.listen(console, {
      tables: (t) => {
        tables = t;
      },
      refused: () => {},
    });
    const desk = facilitatorUp.to(console);
    await until(() => tables.length === 3);
    desk.resumeAll({});
    await until(() => screens.every((s) => !s.seen.paused));
    desk.pauseAll({});
    await until(() => screens.every((s) => s.seen.paused));
    await until(() => tables.length === 3 && tables.every((t) => t.phase === 'paused'));
    const target = tables.find((t) => t.label === 'T2');
    desk.inject({ table: target?.table ?? '', service: 'catalog', kind: 'capacity' });
    const two = screens[rooms.findIndex((r) => r.roomId === target?.table)];
    await until(() => (two?.seen.entries ?? []).some((e) => 'command' in e && e.command.type === 'injectIncident'));
    expect(two?.seen.entries.at(-1)).toMatchObject({ by: 'facilitator' });
  });
});
