import type { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE_ROOM, audienceDown, audienceUp, type VoteResult } from '../../src/protocol/audience';
import {
  facilitatorDown,
  type PhaseTimer,
  type TableResults,
  type TableRow,
  type Venue,
} from '../../src/protocol/facilitator';
import { PROJECTOR_ROOM, type ProjectorScreen, projectorDown } from '../../src/protocol/projector';
import { readResultsFile } from '../../src/round/resultsFile';
import { hear } from './listeners';
import { commandsOf, sit } from './screens';
import { type Console, openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

const VENUE = 'http://192.0.2.10:2567/';

let s: Stage;
let desk: Console;
const heard = {
  venue: null as Venue | null,
  timer: undefined as PhaseTimer | null | undefined,
  result: null as VoteResult | null,
  fired: null as { at: number; clock: string; tables: string[]; refused: string[] } | null,
  results: null as TableResults[] | null,
  tables: [] as TableRow[],
};
beforeAll(async () => {
  s = await stage({ venueAddresses: [VENUE] });
  desk = await openConsole(s.sdk);
  hear(facilitatorDown, desk.room, {
    venue: (v) => {
      heard.venue = v;
    },
    timer: (t) => {
      heard.timer = t;
    },
    result: (r) => {
      heard.result = r;
    },
    fired: (f) => {
      heard.fired = f;
    },
    results: (m) => {
      heard.results = m.tables;
    },
    tables: (t) => {
      heard.tables = t;
    },
  });
  await until(() => heard.venue !== null, 5000, 'the venue on the console');
});
afterAll(async () => {
  await s.stop();
});

/** The projector's page: the last screen it was sent. */
async function projector(sdk: Client, key: string) {
  const room = await sdk.joinOrCreate(PROJECTOR_ROOM, { key });
  const seen = { screen: null as ProjectorScreen | null, screens: [] as ProjectorScreen[] };
  projectorDown.listen(room, {
    screen: (m) => {
      seen.screen = m;
      seen.screens.push(m);
    },
  });
  return { room, seen };
}

async function phone() {
  const room = await s.sdk.joinOrCreate(AUDIENCE_ROOM, {});
  const p = { room, open: false, counts: null as number[] | null, result: null as VoteResult | null };
  hear(audienceDown, room, {
    vote: (t) => {
      p.open = t.open;
      p.counts = t.counts;
    },
    result: (r) => {
      p.result = r;
    },
  });
  return p;
}

describe('the projector', () => {
  it('opens only with the key the console was given, and shows the venue’s address', async () => {
    expect(heard.venue?.addresses).toEqual([VENUE]);
    await expect(s.sdk.joinOrCreate(PROJECTOR_ROOM, { key: 'not-the-projector-key' })).rejects.toThrow(
      /projector link/,
    );
    const p = await projector(s.sdk, heard.venue?.projectorKey as string);
    await until(() => p.seen.screen !== null, 5000, 'the first screen');
    expect(p.seen.screen).toMatchObject({ address: VENUE, vote: null, timer: null });
    await p.room.leave();
  });

  it('counts the phones and the votes, shows no result while the vote is open, and its countdown closes it', async () => {
    const p = await projector(s.sdk, heard.venue?.projectorKey as string);
    const phones = await Promise.all([1, 2, 3].map(() => phone()));
    await until(() => p.seen.screen?.phones === 3, 5000, 'three phones on the projector');
    const opened = Date.now();
    desk.desk.openVote({ question: 'Who pages first?', options: ['Ops', 'Comms'], seconds: 5 });
    await until(() => phones.every((x) => x.open) && p.seen.screen?.vote?.open === true, 5000, 'the vote open');
    const closesAt = p.seen.screen?.vote?.closesAt as number;
    expect(closesAt - opened).toBeGreaterThanOrEqual(4000);
    expect(closesAt - opened).toBeLessThanOrEqual(6000);
    audienceUp.to(phones[0]!.room).vote({ option: 1 });
    audienceUp.to(phones[1]!.room).vote({ option: 1 });
    audienceUp.to(phones[2]!.room).vote({ option: 0 });
    await until(() => p.seen.screen?.vote?.votes === 3, 5000, 'three votes on the projector');
    // Nobody in the room sees which way it goes until it closes.
    expect(p.seen.screen?.vote).toMatchObject({ open: true, counts: null, winner: null, votes: 3 });
    expect(p.seen.screens.filter((x) => x.vote?.open).every((x) => x.vote?.counts === null)).toBe(true);
    // Nobody closes it: the countdown does.
    await until(() => p.seen.screen?.vote?.open === false, 10_000, 'the countdown to close the vote');
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    expect(p.seen.screen?.vote).toMatchObject({ counts: [1, 2], winner: 'Comms', votes: 3 });
    await until(() => heard.result !== null && phones.every((x) => x.result !== null));
    expect(heard.result).toMatchObject({ question: 'Who pages first?', winner: 'Comms', counts: [1, 2] });
    // A vote closed by its countdown is closed once: the presenter's close finds none open.
    const refusals = desk.heard.refused.length;
    desk.desk.closeVote({});
    await until(() => desk.heard.refused.length > refusals);
    expect(desk.heard.refused.at(-1)).toBe('no vote is open');
    await Promise.all([...phones.map((x) => x.room.leave()), p.room.leave()]);
  });

  it('shows the phase timer the console starts, and nothing once it is cleared', async () => {
    const p = await projector(s.sdk, heard.venue?.projectorKey as string);
    desk.desk.timer({ label: 'Retro', seconds: 480 });
    await until(() => p.seen.screen?.timer?.label === 'Retro', 5000, 'the timer on the projector');
    const left = (p.seen.screen?.timer?.endsAt as number) - Date.now();
    expect(left).toBeGreaterThan(470_000);
    expect(left).toBeLessThanOrEqual(480_000);
    expect(heard.timer?.label).toBe('Retro');
    desk.desk.timer({ label: '' });
    await until(() => p.seen.screen?.timer === null && heard.timer === null, 5000, 'the timer cleared');
    await p.room.leave();
  });
});

describe('a session run from the console', () => {
  it('sets one fire at every table at the same game minute, however far each has got, and ends with every table’s results', async () => {
    const codes = await desk.setUp([1, 2].map((seed) => ({ seed, weeks: 1, label: `S${seed}`, autoPause: false })));
    const screens = await Promise.all(codes.map((c) => sit(s.sdk, c, { player: 'P', role: 'ops' })));
    // One table plays a while on its own, so the two stand at different minutes.
    screens[0]!.send.control({ control: 'speed', value: 8 });
    screens[0]!.send.control({ control: 'resume' });
    await until(() => screens[0]!.seen.minute >= 60, 20_000, 'the first table an hour in');
    screens[0]!.send.control({ control: 'pause' });
    await until(() => screens[0]!.seen.paused);
    // The console offers each service's own kinds of weakness; a kind the service lacks is refused at every
    // table, with the reason, and nothing is set.
    await until(() => codes.every((c) => heard.tables.some((t) => t.table === c)), 5000, 'both tables listed');
    const catalog = heard.tables.find((t) => t.table === codes[0])?.services.find((x) => x.id === 'catalog');
    expect(catalog?.kinds).toContain('capacity');
    const lacks = ['certificate', 'duplicate-delivery', 'alert-noise', 'data'].find((k) => !catalog?.kinds.includes(k));
    desk.desk.fireEverywhere({ service: 'catalog', kind: lacks as 'data' });
    await until(() => heard.fired !== null, 5000, 'the refusal');
    expect(heard.fired!.tables).toEqual([]);
    expect(heard.fired!.refused.join(' ')).toMatch(/has no .* to set off/);
    heard.fired = null;
    desk.desk.fireEverywhere({ service: 'catalog', kind: 'capacity' });
    await until(() => heard.fired !== null, 5000, 'the fire set');
    const fired = heard.fired!;
    expect(fired.refused).toEqual([]);
    expect([...fired.tables].sort()).toEqual([...codes].sort());
    expect(fired.at).toBeGreaterThan(screens[0]!.seen.minute);
    expect(fired.at % 10).toBe(0);
    // Each table lists it as a fire to come, set by the facilitator.
    await until(
      () =>
        codes.every((c) =>
          heard.tables
            .find((t) => t.table === c)
            ?.upcoming.some((f) => f.at === fired.at && f.source === 'facilitator'),
        ),
      5000,
      'the fire listed at both tables',
    );
    // Both play on: the fire starts at each table at its very minute.
    for (const x of screens) {
      x.send.control({ control: 'speed', value: 8 });
      x.send.control({ control: 'resume' });
    }
    const fires = () =>
      screens.map((x) => commandsOf(x.seen.entries, 'injectIncident').filter((e) => e.by === 'facilitator'));
    await until(() => fires().every((f) => f.length === 1), 60_000, 'the fire at both tables');
    expect(fires().map((f) => f[0]?.at)).toEqual([fired.at, fired.at]);
    expect(fires()[0]?.[0]).toMatchObject({
      command: { type: 'injectIncident', service: 'catalog', kind: 'capacity' },
    });
    desk.desk.pauseAll({});
    await until(() => screens.every((x) => x.seen.paused));
    // The end: each table's results file, best first, then every table closed.
    desk.desk.endSession({});
    await until(() => heard.results !== null && screens.every((x) => x.seen.closed !== null), 10_000, 'the end');
    const results = heard.results!.filter((r) => codes.includes(r.table));
    expect(results.map((r) => r.label).sort()).toEqual(['S1', 'S2']);
    const read = results.map((r) => readResultsFile(r.fileName, r.file));
    for (const r of read) expect(r.ok).toBe(true);
    const margins = read.map((r) => (r.ok ? r.results.score - (r.results.par ?? 0) : Number.NaN));
    expect(margins[0]).toBeGreaterThanOrEqual(margins[1] as number);
    expect(screens[0]!.seen.closed).toBe('the facilitator ended the session');
    // The projector shows the final ranking once the tables are gone.
    const p = await projector(s.sdk, heard.venue?.projectorKey as string);
    await until(() => p.seen.screen?.ended === true, 5000, 'the final ranking on the projector');
    expect(p.seen.screen?.tables.map((t) => t.label)).toEqual(results.map((r) => r.label));
    // Its scores are the results files' own, to one decimal as the report gives them, not rounded further.
    expect(p.seen.screen?.tables.map((t) => [t.score, t.par])).toEqual(
      read.map((r) => (r.ok ? [r.results.score, r.results.par] : [])),
    );
    await p.room.leave();
  });
});
