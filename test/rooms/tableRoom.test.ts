import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorDown, type TableRow } from '../../src/protocol/facilitator';
import { hear } from './listeners';
import { commandsOf, screen, serverTable, sit } from './screens';
import { type Console, openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

let s: Stage;
let desk: Console;
beforeAll(async () => {
  s = await stage();
  desk = await openConsole(s.sdk);
});
afterAll(async () => {
  await s.stop();
});

const table = async (seed: number, label = '', autoPause = false) =>
  (await desk.setUp([{ scenario: 'platform', seed, weeks: 1, label, autoPause }]))[0] as string;

describe('a table room', () => {
  it('two players decide together; every screen replays the same world as the server', async () => {
    const code = await table(42);
    const a = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    const b = await sit(s.sdk, code, { player: 'Bao', role: 'ops' });
    a.send.control({ control: 'speed', value: 8 });
    a.send.control({ control: 'resume' });
    await until(() => a.seen.minute > 200, 10_000, 'minute 200');
    a.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.4 });
    b.send.command({ type: 'setTeamFocus', team: 'data', reliabilityShare: 0.25 });
    await until(() => commandsOf(b.seen.entries, 'setTeamFocus').length === 2);
    b.send.control({ control: 'pause' });
    await until(() => a.seen.paused && b.seen.paused);
    a.send.hash({});
    await until(() => a.seen.hash !== null);
    const server = a.seen.hash as { minute: number; stateHash: string };
    expect(server.minute).toBeGreaterThan(200);
    await until(() => a.seen.minute === server.minute && b.seen.minute === server.minute);
    expect(a.replayed()).toBe(server.stateHash);
    expect(b.replayed()).toBe(server.stateHash);

    // A decision at the same minute changes the world: the server's hash, asked again, says so.
    a.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.5 });
    await until(() => commandsOf(b.seen.entries, 'setTeamFocus').length === 3);
    a.seen.hash = null;
    a.send.hash({});
    await until(() => a.seen.hash !== null);
    // Set again only by the reply: the line above emptied it.
    const after = a.seen.hash as unknown as { minute: number; stateHash: string };
    expect(after.minute).toBe(server.minute);
    expect(after.stateHash).not.toBe(server.stateHash);
    expect(a.replayed()).toBe(after.stateHash);
    expect(b.replayed()).toBe(after.stateHash);
  });

  it('refuses a spectator’s command and clock, a malformed command and a fire from a player, naming why', async () => {
    const code = await table(1);
    const watcher = await sit(s.sdk, code, { player: 'Cy', role: 'spectator' });
    const p = await sit(s.sdk, code, { player: 'Di', role: 'comms' });
    p.send.command({ type: 'mitigate', incident: 'x', action: 'pray' });
    p.send.command({ type: 'injectIncident', service: 'catalog', kind: 'capacity' });
    p.send.command({ type: 'constructor' });
    p.send.control({ control: 'speed', value: 1e9 });
    await until(() => p.seen.refused.length === 4);
    expect(p.seen.refused[0]).toMatch(/mitigate: bad action/);
    expect(p.seen.refused[1]).toMatch(/only the facilitator sets fires/);
    expect(p.seen.refused[2]).toMatch(/unknown command "constructor"/);
    expect(p.seen.refused[3]).toMatch(/value/);
    // A spectator may neither decide nor pause, resume or set the speed.
    watcher.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.1 });
    watcher.send.control({ control: 'resume' });
    watcher.send.control({ control: 'speed', value: 4 });
    await until(() => watcher.seen.refused.length === 3);
    expect(watcher.seen.refused).toEqual([
      'spectators watch; take a seat to decide',
      'spectators watch; only players run the clock',
      'spectators watch; only players run the clock',
    ]);
    expect(watcher.seen.paused).toBe(true);
    expect(
      serverTable(code)
        .session.log()
        .entries.some((e) => 'control' in e),
    ).toBe(false);
  });

  it('logs a clock control only when it changes something', async () => {
    const code = await table(2);
    const p = await sit(s.sdk, code, { player: 'Ed', role: 'ops' });
    // Within the screen's budget for the clock (six at once): repeats change nothing and are not logged.
    for (let i = 0; i < 3; i++) p.send.control({ control: 'speed', value: 2 });
    for (let i = 0; i < 2; i++) p.send.control({ control: 'pause' });
    p.send.control({ control: 'speed', value: 4 });
    await until(() => p.seen.speed === 4);
    const controls = serverTable(code)
      .session.log()
      .entries.filter((e) => 'control' in e);
    expect(controls).toMatchObject([
      { control: 'speed', value: 2 },
      { control: 'speed', value: 4 },
    ]);
  });

  it('each seat decides for its own role while the role is held, and every decision is credited to its player', async () => {
    const code = await table(5);
    const l = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    const v = await sit(s.sdk, code, { player: 'Di', role: 'comms' });
    desk.desk.inject({ table: code, service: 'checkout', kind: 'retry-storm' });
    // (a fire from the facilitator's side of the server, on one of Checkout's own weaknesses)
    await until(() => commandsOf(l.seen.entries, 'injectIncident').length === 1);
    l.send.control({ control: 'speed', value: 8 });
    l.send.control({ control: 'resume' });
    const server = serverTable(code);
    const fire = () => {
      const w = server.session.snapshot();
      return w.openIncidents.find((id) => w.incidents[id]?.injected && w.incidents[id]?.phase === 'investigating');
    };
    await until(() => fire() !== undefined, 15_000, 'the fire to be investigated');
    l.send.control({ control: 'pause' });
    await until(() => l.seen.paused);
    const incident = fire() as string;
    // Comms posting is comms' decision; the commander posting while comms is seated is refused, naming who decides.
    l.send.command({ type: 'postStatus', incident });
    await until(() => l.seen.refused.length === 1);
    expect(l.seen.refused[0]).toBe("that is Di's decision, as Comms");
    v.send.command({ type: 'postStatus', incident });
    // Nobody holds ops, so the commander may mitigate, credited as themselves.
    l.send.command({ type: 'mitigate', incident, action: 'scale-up' });
    await until(() => v.seen.entries.filter((e) => 'seat' in e && e.seat).length === 2 || l.seen.refused.length > 1);
    expect(l.seen.refused).toHaveLength(1);
    const credited = v.seen.entries.filter((e) => 'command' in e && e.seat);
    expect(credited.map((e) => ('command' in e ? [e.command.type, e.seat] : null))).toEqual([
      ['postStatus', { player: 'Di', role: 'comms' }],
      ['mitigate', { player: 'Ada', role: 'commander' }],
    ]);
  });

  it('a late joiner catches up from the log', async () => {
    const code = await table(3);
    const f = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    f.send.command({ type: 'setTeamFocus', team: 'sre', reliabilityShare: 0.6 });
    await until(() => commandsOf(f.seen.entries, 'setTeamFocus').length === 1);
    const late = await sit(s.sdk, code, { player: 'Eve', role: 'spectator' });
    expect(late.seen.entries).toEqual(f.seen.entries);
    expect(late.replayed()).toBe(f.replayed());
  });

  it('a dropped screen comes back to its session and catches up; the table plays on without anyone', async () => {
    const code = await table(4);
    const a = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    const token = a.room.reconnectionToken;
    a.room.connection.close(4001);
    await until(() => serverTable(code).clients.length === 0, 5000, 'the drop');
    const other = await sit(s.sdk, code, { player: 'Bao', role: 'ops' });
    other.send.command({ type: 'setTeamFocus', team: 'data', reliabilityShare: 0.6 });
    await until(() => commandsOf(other.seen.entries, 'setTeamFocus').length === 1);
    const b = screen(await s.sdk.reconnect(token));
    await until(() => b.seen.log !== null);
    expect(commandsOf(b.seen.entries, 'setTeamFocus')).toHaveLength(1);
    b.send.command({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.3 });
    await until(() => commandsOf(b.seen.entries, 'setTeamFocus').length === 2);
    expect(b.seen.refused).toEqual([]);
    // Everyone leaves: the table is still there, joinable by its code.
    await b.room.leave(true);
    await other.room.leave(true);
    await until(() => serverTable(code).clients.length === 0);
    const again = await sit(s.sdk, code, { player: 'Cy', role: 'spectator' });
    expect(commandsOf(again.seen.entries, 'setTeamFocus')).toHaveLength(2);
  });

  it('stops the clock when the pager goes off, if the table was set up so', async () => {
    const code = await table(6, 'Paused on pages', true);
    const a = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    desk.desk.inject({ table: code, service: 'checkout', kind: 'capacity' });
    a.send.control({ control: 'speed', value: 8 });
    a.send.control({ control: 'resume' });
    await until(() => !a.seen.paused);
    await until(() => a.seen.paused, 30_000, 'the page to stop the clock');
    const w = serverTable(code).session.snapshot();
    expect(w.openIncidents.some((id) => w.incidents[id]?.phase === 'paged')).toBe(true);
    expect(a.seen.entries.at(-1)).toMatchObject({ control: 'pause', by: 'facilitator' });
  });
});

describe('the facilitator console', () => {
  it('lists every table and pauses and resumes three tables at once, sets a fire in one and closes one', async () => {
    const codes = await desk.setUp([1, 2, 3].map((seed) => ({ seed, weeks: 1, label: `T${seed}` })));
    const screens = await Promise.all(codes.map((c) => sit(s.sdk, c, { player: 'P', role: 'ops' })));
    let tables: TableRow[] = [];
    hear(facilitatorDown, desk.room, {
      tables: (t) => {
        tables = t.filter((r) => codes.includes(r.table));
      },
    });
    await until(() => tables.length === 3, 5000, 'three tables listed');
    desk.desk.resumeAll({});
    await until(() => screens.every((x) => !x.seen.paused));
    desk.desk.pauseAll({});
    await until(() => screens.every((x) => x.seen.paused));
    await until(() => tables.length === 3 && tables.every((t) => t.phase === 'paused' && t.screens === 1));
    const target = tables.find((t) => t.label === 'T2') as TableRow;
    desk.desk.inject({ table: target.table, service: 'catalog', kind: 'capacity' });
    const two = screens[codes.indexOf(target.table)];
    await until(() => commandsOf(two?.seen.entries ?? [], 'injectIncident').length === 1);
    expect(two?.seen.entries.at(-1)).toMatchObject({ by: 'facilitator' });
    desk.desk.close({ table: target.table });
    await until(() => two?.seen.closed !== null);
    expect(two?.seen.closed).toBe('the facilitator closed it');
    await until(() => tables.length === 2, 5000, 'the closed table to leave the list');
    await expect(s.sdk.joinById(target.table, { player: 'Late', role: 'spectator' })).rejects.toThrow();
  });
});
