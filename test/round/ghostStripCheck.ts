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

/**
 * A check made at every minute of hundreds of rounds costs a plain comparison; the assertion, with its message,
 * is built only when the check fails (an assertion object per check per minute was most of this test's time).
 */
function same(actual: unknown, expected: unknown, where: () => string): void {
  const equal =
    typeof actual === 'object' && actual !== null
      ? JSON.stringify(actual) === JSON.stringify(expected)
      : Object.is(actual, expected);
  if (!equal) expect(actual, where()).toEqual(expected);
}

interface Tally {
  minutes: number;
  bothBurning: number;
  thereOnly: number;
  saved: number;
}

function checkMinute(ours: Snapshot, ghost: GhostView, tally: Tally, label: string): void {
  const there = ghost.world;
  const strip = ghostStrip(ours, there, ghost.report);
  const at = () => `${label} at ${formatClock(ours.now)}: “${strip.fires}${strip.saved ? ` ${strip.saved}` : ''}”`;
  const idOf = new Map(ours.serviceOrder.map((id) => [ours.services[id]?.name ?? id, id]));
  const id = (name: string) => {
    const found = idOf.get(name);
    if (!found) throw new Error(`${at()}: no service named ${name}`);
    return found;
  };
  const hereFire = burning(ours);
  const thereFire = burning(there);
  tally.minutes += 1;
  if (hereFire.size > 0 && thereFire.size > 0) tally.bothBurning += 1;
  if (hereFire.size === 0 && thereFire.size > 0) tally.thereOnly += 1;

  const bothQuiet = ours.openIncidents.length === 0 && there.openIncidents.length === 0;
  same(strip.fires === 'quiet there too.', bothQuiet, at);
  same(strip.fires.endsWith('.'), true, at);
  const named = new Set<string>();
  let more = 0;
  const sideOf = (w: string | undefined) => (w === 'here' ? [ours, there] : [there, ours]) as [Snapshot, Snapshot];
  const readers: [RegExp, (m: RegExpMatchArray) => void][] = [
    [
      /^(.+) burning here and there$/,
      (m) => {
        for (const n of names(m[1] ?? '')) {
          same(hereFire.has(id(n)) && thereFire.has(id(n)), true, () => `${at()}: ${n} here and there`);
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
        same(fire !== undefined, true, () => `${at()}: a fire on ${m[1]} ${m[2]} that started ${m[3]} ago`);
        for (const s of [origin, ...names(m[4] ?? '').map(id)]) {
          same(fire?.affected.includes(s), true, () => `${at()}: ${s} reached by that fire`);
          same(burning(other).has(s), false, () => `${at()}: ${s} not burning on the other side`);
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
          same(reached, true, () => `${at()}: ${s} reached from ${m[3]} ${m[2]}`);
          same(burning(other).has(s), false, () => `${at()}: ${s} not burning on the other side`);
          named.add(s);
        }
      },
    ],
    [/^(\d+) more burning$/, (m) => (more = Number(m[1]))],
    [/^here: calm$/, () => same(ours.openIncidents.length, 0, at)],
    [/^quiet there$/, () => same(there.openIncidents.length, 0, at)],
    [
      /^here: (.+) recovering$/,
      (m) => {
        same(hereFire.size, 0, at);
        same(
          names(m[1] ?? '')
            .map(id)
            .sort(),
          [...recovering(ours)].sort(),
          at,
        );
      },
    ],
    [
      /^(.+) recovering there$/,
      (m) => {
        same(thereFire.size, 0, at);
        same(
          names(m[1] ?? '')
            .map(id)
            .sort(),
          [...recovering(there)].sort(),
          at,
        );
      },
    ],
  ];
  for (const clause of bothQuiet ? [] : strip.fires.slice(0, -1).split('; ')) {
    const reader = readers.find(([pattern]) => pattern.test(clause));
    if (!reader) throw new Error(`${at()}: a clause this test cannot check: “${clause}”`);
    reader[1](clause.match(reader[0]) as RegExpMatchArray);
  }
  // Every place burning on either side is named, or counted among the rest.
  const all = new Set([...hereFire, ...thereFire]);
  same(named.size + more, all.size, at);
  if (hereFire.size === 0 && !bothQuiet) same(/here: (calm|.+ recovering)\.?$|here: /.test(strip.fires), true, at);
  if (thereFire.size === 0 && !bothQuiet) same(/quiet there|recovering there/.test(strip.fires), true, at);

  // The last fire there that did not happen here stays in view for a day, and is true to both worlds.
  const latest = preventedWithin(ours, there);
  if (!latest) {
    same(strip.saved, null, at);
    return;
  }
  tally.saved += 1;
  const [title] = latest.titles;
  same(
    strip.saved,
    `✓ ${formatClock(latest.inc.startedAt).split(' · ')[1]}: ${ours.services[latest.inc.service]?.name} caught fire there (${conditionWords(latest.inc.kind)}). Not here: “${strip.saved?.match(/“(.+)”/)?.[1]}”.`,
    at,
  );
  same(
    latest.titles.some((t) => t === (strip.saved?.match(/“(.+)”/)?.[1] ?? title)),
    true,
    at,
  );
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

type Where = 'platform' | 'startup' | 'scaleup';
const BOTS = Object.keys(policies).sort();

/**
 * Every bot on each of these one-week rounds, read at every minute. The setups are split over two files so that
 * they run side by side; each file plays at least `atLeastRounds` rounds, and the two together more than 200.
 */
export function stripIsTrueOver(setups: [Where, number][], guided: boolean, atLeastRounds: number): void {
  describe(`the ghost strip is true at every minute (${guided ? 'with' : 'without'} the guided first fire)`, () => {
    const tally: Tally = { minutes: 0, bothBurning: 0, thereOnly: 0, saved: 0 };
    let rounds = 0;
    it.each(setups)('%s, seed %i, one week: every bot', (where, seed) => {
      for (const bot of BOTS) {
        playAtTable(scenario(where), seed, 1, policies[bot] as Policy, {
          guided,
          everyMinute: (ours, ghost) => checkMinute(ours, ghost, tally, `${bot} on ${where} seed ${seed}`),
        });
        rounds += 1;
      }
    });

    it(`read the strip over ${atLeastRounds} rounds, while both timelines burned, while only the other did, and with a fire prevented`, () => {
      expect(rounds).toBeGreaterThanOrEqual(atLeastRounds);
      expect(tally.minutes).toBeGreaterThan(atLeastRounds * 5000);
      expect(tally.bothBurning).toBeGreaterThan(0);
      expect(tally.thereOnly).toBeGreaterThan(0);
      expect(tally.saved).toBeGreaterThan(0);
    });
  });
}
