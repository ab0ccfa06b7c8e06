import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIENCE_ROOM,
  audienceDown,
  audienceUp,
  type SentTally,
  type Tally,
  type VoteResult,
} from '../../src/protocol/audience';
import { facilitatorDown } from '../../src/protocol/facilitator';
import { hear } from './listeners';
import { commandsOf, serverTable, sit } from './screens';
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

/** A phone in the audience: what it hears, and its device token. */
async function phone(device?: string) {
  const room = await s.sdk.joinOrCreate(AUDIENCE_ROOM, device ? { device } : {});
  const p = {
    room,
    token: device ?? null,
    tally: null as SentTally | null,
    result: null as VoteResult | null,
    counted: null as number | null,
    refused: [] as string[],
  };
  hear(audienceDown, room, {
    device: (m) => {
      p.token = m.token;
    },
    vote: (t) => {
      p.tally = t;
    },
    result: (r) => {
      p.result = r;
    },
    counted: (m) => {
      p.counted = m.option;
    },
    refused: (m) => p.refused.push(m.reason),
  });
  return p;
}

/** What the console hears of the vote. */
function consoleVote(room: Room) {
  const seen = { tally: null as Tally | null, result: null as VoteResult | null };
  hear(facilitatorDown, room, {
    tally: (t) => {
      seen.tally = t;
    },
    result: (r) => {
      seen.result = r;
    },
  });
  return seen;
}

describe('the audience', () => {
  it('takes one vote per device, lets a phone change its mind, keeps the vote across a drop, and names the winner', async () => {
    const seen = consoleVote(desk.room);
    const phones = await Promise.all(Array.from({ length: 12 }, () => phone()));
    await until(() => phones.every((p) => p.token !== null), 5000, 'device tokens');
    const asked = Date.now();
    desk.desk.openVote({ question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    await until(() => phones.every((p) => p.tally?.open === true), 5000, 'the vote on every phone');
    // Each tally carries the server's clock when it was sent, for the phones' countdowns.
    for (const p of phones) expect(p.tally?.now).toBeGreaterThanOrEqual(asked);
    for (const p of phones) expect(p.tally?.now).toBeLessThanOrEqual(Date.now());
    phones.forEach((p, i) => {
      audienceUp.to(p.room).vote({ option: i < 4 ? 0 : 1 });
    });
    await until(() => phones.every((p) => p.counted !== null));
    // Two phones change their minds; a vote for an option that does not exist is refused.
    for (const p of phones.slice(4, 6)) audienceUp.to(p.room).vote({ option: 0 });
    audienceUp.to(phones[0]!.room).vote({ option: 5 });
    await until(() => seen.tally?.counts.join() === '6,6', 5000, 'the console to see 6 to 6');
    // A phone drops and comes back with its device token: its vote is still its own, not a new one.
    const dropped = phones[11]!;
    await dropped.room.leave(true);
    const back = await phone(dropped.token as string);
    await until(() => back.counted === 1, 5000, 'the returning phone to see its vote');
    audienceUp.to(back.room).vote({ option: 0 });
    await until(() => seen.tally?.counts.join() === '7,5', 5000, 'the changed vote');
    desk.desk.closeVote({});
    await until(() => seen.result !== null && phones[1]!.result !== null);
    expect(seen.result).toMatchObject({ winner: 'blame', counts: [7, 5], fed: null });
    expect(phones[0]!.refused.some((r) => /no vote is open for that/.test(r))).toBe(true);
  });

  it('a token the server never gave is not a device: the phone gets a new one', async () => {
    const forged = await phone('bm90LWEtcmVhbC10b2tlbg.AAAAAAAAAAAAAAAAAAAAAA');
    await until(() => forged.token !== 'bm90LWEtcmVhbC10b2tlbg.AAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.token).toMatch(/^[\w-]+\.[\w-]{22}$/);
  });

  it('a vote closed against a table that is not open says so, and the result still reaches the audience', async () => {
    const seen = consoleVote(desk.room);
    const p = await phone();
    desk.desk.openVote({ question: 'Again?', options: ['Yes', 'No'] });
    await until(() => p.tally?.question === 'Again?' && p.tally.open);
    desk.desk.closeVote({ table: '0000-0000' });
    await until(() => seen.result?.question === 'Again?' && p.result?.question === 'Again?');
    expect(seen.result).toMatchObject({ winner: 'Yes', fed: { table: '00000000', refused: 'no such table' } });
  });
});

describe('a demo table decided by the audience', () => {
  it('waits at its retro’s framing until a vote closes, then frames it as the audience chose, on every screen', async () => {
    const [code] = await desk.setUp([{ scenario: 'platform', seed: 42, weeks: 1, demo: true, label: 'Demo' }]);
    const watcher = await sit(s.sdk, code as string, { player: 'Projector', role: 'spectator' });
    // The facilitator runs the demo table's clock.
    desk.desk.resume({ table: code as string });
    const server = serverTable(code as string);
    const retros = () => Object.values(server.session.snapshot().retros);
    await until(() => retros().some((r) => r.phase === 'framing'), 60_000, 'a retro waiting for its framing');
    // The bot does everything else, but it never frames a retro itself.
    expect(retros().every((r) => r.framing === null)).toBe(true);
    const seen = consoleVote(desk.room);
    const phones = await Promise.all([1, 2, 3].map(() => phone()));
    desk.desk.openVote({ question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
    await until(() => phones.every((p) => p.tally?.question === 'Blame or blameless?' && p.tally.open));
    audienceUp.to(phones[0]!.room).vote({ option: 1 });
    audienceUp.to(phones[1]!.room).vote({ option: 1 });
    audienceUp.to(phones[2]!.room).vote({ option: 0 });
    await until(() => seen.tally?.counts.join() === '1,2');
    desk.desk.closeVote({ table: code as string });
    await until(() => seen.result !== null);
    expect(seen.result).toMatchObject({ winner: 'Blameless', fed: { table: code, refused: null } });
    await until(() => watcher.seen.entries.some((e) => e.by === 'audience'));
    expect(commandsOf(watcher.seen.entries, 'frameRetro').filter((e) => e.by === 'audience')).toMatchObject([
      { command: { type: 'frameRetro', framing: 'blameless' } },
    ]);
  });
});

describe('a demo table asked once for the whole talk', () => {
  it('frames every later retro as the audience first decided, with no new vote', async () => {
    const [code] = await desk.setUp([
      { scenario: 'platform', seed: 42, weeks: 2, demo: true, label: 'Talk', audience: 'once' },
    ]);
    const watcher = await sit(s.sdk, code as string, { player: 'Projector', role: 'spectator' });
    desk.desk.resume({ table: code as string });
    const server = serverTable(code as string);
    const retros = () => Object.values(server.session.snapshot().retros);
    await until(() => retros().some((r) => r.phase === 'framing'), 60_000, 'the first retro waiting for its framing');
    const seen = consoleVote(desk.room);
    const p = await phone();
    desk.desk.openVote({ question: 'Blame or blameless?', options: ['Blame', 'Blameless'] });
    await until(() => p.tally?.question === 'Blame or blameless?' && p.tally.open);
    audienceUp.to(p.room).vote({ option: 1 });
    await until(() => seen.tally?.counts.join() === '0,1');
    desk.desk.closeVote({ table: code as string });
    await until(() => seen.result?.fed?.refused === null, 5000, 'the vote fed to the table');
    // The next retros need no vote: each is framed as the audience decided, by the audience.
    const framedByAudience = () => commandsOf(watcher.seen.entries, 'frameRetro').filter((e) => e.by === 'audience');
    await until(() => framedByAudience().length >= 2, 30_000, 'a second retro framed without a vote');
    expect(
      framedByAudience().every(
        (e) => 'command' in e && e.command.type === 'frameRetro' && e.command.framing === 'blameless',
      ),
    ).toBe(true);
    desk.desk.pause({ table: code as string });
  }, 90_000);
});
