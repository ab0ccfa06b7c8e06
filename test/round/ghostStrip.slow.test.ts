import { describe, expect, it } from 'vitest';
import type { GhostView } from '../../src/round/ghost';
import { ghostStrip, KEEP_SAVED_MINUTES } from '../../src/round/ghostStrip';
import { conditionWords, durationText, formatClock, type Policy, policies, type Snapshot } from '../../src/sim';
import { scenario } from '../sim/fixtures';
import { playAtTable } from './playAtTable';

/**
 * The ghost strip read at every minute of whole rounds, each clause checked against the two worlds it speaks
 * of: the round's and the never-learning replay's at that minute. "Burning" is counted here from the worlds'
 * open incidents, not from the code that wrote the strip.
 */

type Inc = Snapshot['incidents'][string];
const open = (s: Snapshot) => s.openIncidents.map((id) => s.incidents[id]).filter((i): i is Inc => !!i);
const fires = (s: Snapshot) => open(s).filter((i) => i.phase !== 'mitigated');
const burning = (s: Snapshot) => new Set(fires(s).flatMap((i) => [...i.affected]));
const recovering = (s: Snapshot) =>
  new Set(
    open(s)
      .filter((i) => i.phase === 'mitigated')
      .flatMap((i) => [...i.affected]),
  );
const names = (text: string) => text.split(/, | and /).filter(Boolean);

interface Tally {
  minutes: number;
  bothBurning: number;
  thereOnly: number;
  saved: number;
}

function checkMinute(ours: Snapshot, ghost: GhostView, tally: Tally, label: string): void {
  const there = ghost.world;
  const strip = ghostStrip(ours, there, ghost.report);
  const at = `${label} at ${formatClock(ours.now)}: “${strip.fires}${strip.saved ? ` ${strip.saved}` : ''}”`;
  const idOf = new Map(ours.serviceOrder.map((id) => [ours.services[id]?.name ?? id, id]));
  const id = (name: string) => {
    const found = idOf.get(name);
    if (!found) throw new Error(`${at}: no service named ${name}`);
    return found;
  };
  const hereFire = burning(ours);
  const thereFire = burning(there);
  tally.minutes += 1;
  if (hereFire.size > 0 && thereFire.size > 0) tally.bothBurning += 1;
  if (hereFire.size === 0 && thereFire.size > 0) tally.thereOnly += 1;

  const bothQuiet = ours.openIncidents.length === 0 && there.openIncidents.length === 0;
  expect(strip.fires === 'quiet there too.', at).toBe(bothQuiet);
  expect(strip.fires.endsWith('.'), at).toBe(true);
  const named = new Set<string>();
  let more = 0;
  const sideOf = (w: string | undefined) => (w === 'here' ? [ours, there] : [there, ours]) as [Snapshot, Snapshot];
  const readers: [RegExp, (m: RegExpMatchArray) => void][] = [
    [
      /^(.+) burning here and there$/,
      (m) => {
        for (const n of names(m[1] ?? '')) {
          expect(hereFire.has(id(n)) && thereFire.has(id(n)), `${at}: ${n} here and there`).toBe(true);
          named.add(id(n));
        }
      },
    ],
    [
      /^(.+) burning (here|there) for (.+?)(?:, spread to (.+))?$/,
      (m) => {
        const [side, other] = sideOf(m[2]);
        const origin = id(m[1] ?? '');
        const fire = fires(side).find(
          (i) => i.service === origin && durationText(ours.now - i.startedAt) === m[3] && i.affected.includes(origin),
        );
        expect(fire, `${at}: a fire on ${m[1]} ${m[2]} that started ${m[3]} ago`).toBeDefined();
        for (const s of [origin, ...names(m[4] ?? '').map(id)]) {
          expect(fire?.affected.includes(s), `${at}: ${s} reached by that fire`).toBe(true);
          expect(burning(other).has(s), `${at}: ${s} not burning on the other side`).toBe(false);
          named.add(s);
        }
      },
    ],
    [
      /^(.+) burning (here|there) \(spread from (.+)\)$/,
      (m) => {
        const [side, other] = sideOf(m[2]);
        const origin = id(m[3] ?? '');
        for (const s of names(m[1] ?? '').map(id)) {
          const reached = fires(side).some((i) => i.service === origin && i.affected.includes(s));
          expect(reached, `${at}: ${s} reached from ${m[3]} ${m[2]}`).toBe(true);
          expect(burning(other).has(s), `${at}: ${s} not burning on the other side`).toBe(false);
          named.add(s);
        }
      },
    ],
    [/^(\d+) more burning$/, (m) => (more = Number(m[1]))],
    [/^here: calm$/, () => expect(ours.openIncidents.length, at).toBe(0)],
    [/^quiet there$/, () => expect(there.openIncidents.length, at).toBe(0)],
    [
      /^here: (.+) recovering$/,
      (m) => {
        expect(hereFire.size, at).toBe(0);
        expect(
          names(m[1] ?? '')
            .map(id)
            .sort(),
          at,
        ).toEqual([...recovering(ours)].sort());
      },
    ],
    [
      /^(.+) recovering there$/,
      (m) => {
        expect(thereFire.size, at).toBe(0);
        expect(
          names(m[1] ?? '')
            .map(id)
            .sort(),
          at,
        ).toEqual([...recovering(there)].sort());
      },
    ],
  ];
  for (const clause of bothQuiet ? [] : strip.fires.slice(0, -1).split('; ')) {
    const reader = readers.find(([pattern]) => pattern.test(clause));
    if (!reader) throw new Error(`${at}: a clause this test cannot check: “${clause}”`);
    reader[1](clause.match(reader[0]) as RegExpMatchArray);
  }
  // Every place burning on either side is named, or counted among the rest.
  const all = new Set([...hereFire, ...thereFire]);
  expect(named.size + more, at).toBe(all.size);
  if (hereFire.size === 0 && !bothQuiet) expect(strip.fires, at).toMatch(/here: (calm|.+ recovering)\.?$|here: /);
  if (thereFire.size === 0 && !bothQuiet) expect(strip.fires, at).toMatch(/quiet there|recovering there/);

  // The last fire there that did not happen here stays in view for a day, and is true to both worlds.
  const latest = preventedWithin(ours, there);
  if (!latest) {
    expect(strip.saved, at).toBeNull();
    return;
  }
  tally.saved += 1;
  const [title] = latest.titles;
  expect(strip.saved, at).toBe(
    `✓ ${formatClock(latest.inc.startedAt).split(' · ')[1]}: ${ours.services[latest.inc.service]?.name} caught fire there (${conditionWords(latest.inc.kind)}). Not here: “${strip.saved?.match(/“(.+)”/)?.[1]}”.`,
  );
  expect(latest.titles, at).toContain(strip.saved?.match(/“(.+)”/)?.[1] ?? title);
}

/**
 * The latest replay incident of the last day that has no twin here (the same weakness within six hours) and
 * whose weakness a change of ours had weakened before it broke out, with the changes that had.
 */
function preventedWithin(ours: Snapshot, there: Snapshot): { inc: Inc; titles: string[] } | null {
  const mine = ours.incidentOrder.map((i) => ours.incidents[i]).filter((i): i is Inc => !!i && !i.prior);
  const theirs = there.incidentOrder
    .map((i) => there.incidents[i])
    .filter((i): i is Inc => !!i && !i.prior && i.startedAt <= ours.now);
  const used = new Set<string>();
  let best: { inc: Inc; titles: string[] } | null = null;
  for (const inc of theirs) {
    const twin = mine.find(
      (m) => !used.has(m.id) && m.conditionId === inc.conditionId && Math.abs(m.startedAt - inc.startedAt) <= 360,
    );
    if (twin) {
      used.add(twin.id);
      continue;
    }
    const titles = (ours.conditions[inc.conditionId]?.weakened ?? [])
      .filter((c) => c.at <= inc.startedAt && c.strengthAfter < c.strengthBefore)
      .map((c) => c.title);
    if (titles.length === 0 || ours.now - inc.startedAt > KEEP_SAVED_MINUTES) continue;
    if (!best || inc.startedAt > best.inc.startedAt) best = { inc, titles };
  }
  return best;
}

/** Every bot on each of these one-week rounds, read at every minute: 200 rounds and more. */
const SETUPS: ['platform' | 'startup' | 'scaleup', number, boolean][] = [
  ['platform', 43, true],
  ['platform', 1, false],
  ['platform', 2, true],
  ['platform', 3, false],
  ['startup', 1, true],
  ['startup', 2, false],
  ['startup', 3, true],
  ['scaleup', 1, false],
  ['scaleup', 2, true],
  ['scaleup', 3, false],
];
const BOTS = Object.keys(policies).sort();

describe('the ghost strip is true at every minute', () => {
  const tally: Tally = { minutes: 0, bothBurning: 0, thereOnly: 0, saved: 0 };
  let rounds = 0;
  it.each(SETUPS)('%s, seed %i (guided fire: %s), one week: every bot', (where, seed, guided) => {
    for (const bot of BOTS) {
      playAtTable(scenario(where), seed, 1, policies[bot] as Policy, {
        guided,
        everyMinute: (ours, ghost) => checkMinute(ours, ghost, tally, `${bot} on ${where} seed ${seed}`),
      });
      rounds += 1;
    }
  });

  it('read the strip over 200 rounds, while both timelines burned, while only the other did, and with a fire prevented', () => {
    expect(rounds).toBeGreaterThanOrEqual(200);
    expect(tally.minutes).toBeGreaterThan(200 * 5000);
    expect(tally.bothBurning).toBeGreaterThan(0);
    expect(tally.thereOnly).toBeGreaterThan(0);
    expect(tally.saved).toBeGreaterThan(0);
  });
});
