import { boot, type ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomServer } from '../../server/roomServer';
import { AUDIENCE_ROOM, audienceDown, audienceUp, type VoteResult } from '../../src/protocol/audience';
import { TABLE_ROOM, tableDown, tableUp } from '../../src/protocol/table';
import type { LogEntry } from '../../src/sim';
import { hear } from './listeners';
import { until, wait } from './waiting';

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await boot(roomServer('stage'), 2300 + (process.pid % 300));
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe('the audience room', () => {
  it('takes one vote per phone, lets a phone change its mind, and names the winner when the vote closes', async () => {
    const presenter = await colyseus.sdk.joinOrCreate(AUDIENCE_ROOM, { code: 'guess' });
    let result: VoteResult | null = null;
    const refusals: string[] = [];
    hear(audienceDown, presenter, {
      result: (r) => {
        result = r;
      },
      refused: (m) => refusals.push(m.reason),
    });
    // A guessed code opens nothing, even for whoever created the room.
    audienceUp.to(presenter).open({ code: 'guess', question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    await until(() => refusals.length === 1);
    expect(refusals[0]).toMatch(/wrong facilitator code/);

    const phones = await Promise.all(Array.from({ length: 40 }, () => colyseus.sdk.joinById(presenter.roomId)));
    let seen = 0;
    for (const p of phones)
      hear(audienceDown, p, {
        vote: () => {
          seen++;
        },
      });
    audienceUp.to(presenter).open({ code: 'stage', question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    await until(() => seen >= 40);
    phones.forEach((p, i) => {
      audienceUp.to(p).vote({ option: i < 10 ? 0 : 1 });
    });
    // Five phones change their minds; a vote for an option that does not exist is refused.
    for (const p of phones.slice(10, 15)) audienceUp.to(p).vote({ option: 0 });
    audienceUp.to(phones[0]!).vote({ option: 5 });
    await wait(400);
    audienceUp.to(presenter).close({ code: 'stage' });
    await until(() => result !== null);
    expect(result).toMatchObject({ winner: 'blameless', counts: [15, 25] });
  });

  it('says so when a vote is closed against a table that does not exist, and the result still reaches the audience', async () => {
    const presenter = await colyseus.sdk.joinOrCreate(AUDIENCE_ROOM, { code: 'missing' });
    const phone = await colyseus.sdk.joinById(presenter.roomId);
    const results: VoteResult[] = [];
    hear(audienceDown, presenter, { result: (r) => results.push(r) });
    let phoneSaw: VoteResult | null = null;
    hear(audienceDown, phone, {
      result: (r) => {
        phoneSaw = r;
      },
    });
    for (const table of ['no-such-room', 'constructor', '__proto__']) {
      audienceUp
        .to(presenter)
        .open({ code: 'stage', question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
      await wait(100);
      audienceUp.to(phone).vote({ option: 1 });
      await wait(300);
      audienceUp.to(presenter).close({ code: 'stage', table });
      await until(() => results.length > 0 && results.at(-1)?.fed?.table === table);
      expect(results.at(-1)).toMatchObject({ winner: 'Blameless', fed: { table, refused: 'no such table' } });
    }
    await until(() => phoneSaw !== null);
    expect(phoneSaw).toMatchObject({ winner: 'Blameless' });
    // The room still works after the refusals: a fresh vote opens and closes.
    audienceUp.to(presenter).open({ code: 'stage', question: 'Again?', options: ['Yes', 'No'] });
    await wait(100);
    audienceUp.to(presenter).close({ code: 'stage' });
    await until(() => results.at(-1)?.fed === null);
  });
});

describe('a demo table decided by the audience', () => {
  it('waits at its retro’s framing until a vote closes, then frames it as the audience chose, on every screen', async () => {
    const table = await colyseus.createRoom(TABLE_ROOM, { scenario: 'platform', seed: 42, weeks: 1, demo: true });
    const watcher = await colyseus.connectTo(table, { player: 'Projector', role: 'spectator' });
    const entries: LogEntry[] = [];
    hear(tableDown, watcher, {
      welcome: (m) => entries.push(...m.log.entries),
      entries: (m) => entries.push(...m.entries),
    });
    const screen = tableUp.to(watcher);
    screen.hello({});
    screen.control({ control: 'speed', value: 8 });
    screen.control({ control: 'resume' });
    const server = colyseus.getRoomById(table.roomId) as unknown as {
      session: { snapshot(): { retros: Record<string, { phase: string; framing: string | null }> } };
    };
    const retros = () => Object.values(server.session.snapshot().retros);
    await until(() => retros().some((r) => r.phase === 'framing'), 10_000);
    await wait(300);
    // The bot does everything else, but it never frames a retro itself.
    expect(retros().every((r) => r.framing === null)).toBe(true);

    const presenter = await colyseus.sdk.joinOrCreate(AUDIENCE_ROOM, { code: 'stage' });
    let result: VoteResult | null = null;
    hear(audienceDown, presenter, {
      result: (r) => {
        result = r;
      },
    });
    audienceUp.to(presenter).open({ code: 'stage', question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
    const phones = await Promise.all([1, 2, 3].map(() => colyseus.sdk.joinById(presenter.roomId)));
    for (const p of phones) hear(audienceDown, p, {});
    await wait(100);
    audienceUp.to(phones[0]!).vote({ option: 1 });
    audienceUp.to(phones[1]!).vote({ option: 1 });
    audienceUp.to(phones[2]!).vote({ option: 0 });
    await wait(200);
    audienceUp.to(presenter).close({ code: 'stage', table: table.roomId });
    await until(() => result !== null);
    expect(result).toMatchObject({ winner: 'Blameless', fed: { table: table.roomId, refused: null } });
    await until(() => entries.some((e) => e.by === 'audience'));
    const framed = entries.filter((e) => e.by === 'audience');
    expect(framed).toHaveLength(1);
    expect(framed[0] && 'command' in framed[0] ? framed[0].command : null).toMatchObject({
      type: 'frameRetro',
      framing: 'blameless',
    });
    // The bot takes the retro on from there.
    await until(() => retros().some((r) => r.framing === 'blameless' && r.phase !== 'framing'), 10_000);

    // A second vote with nothing waiting says so instead of framing anything.
    const other = await colyseus.createRoom(TABLE_ROOM, { scenario: 'platform', seed: 1, weeks: 1 });
    result = null;
    audienceUp.to(presenter).open({ code: 'stage', question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
    await wait(100);
    audienceUp.to(presenter).close({ code: 'stage', table: other.roomId });
    await until(() => result !== null);
    expect(result).toMatchObject({ fed: { refused: 'no retro at this table is waiting for its framing' } });
  });
});
