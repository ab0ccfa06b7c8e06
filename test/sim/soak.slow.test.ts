import { describe, expect, it } from 'vitest';
import { makeSave, parseSave } from '../../src/round/save/save';
import {
  COMMAND_TYPES,
  type Command,
  createSimulation,
  MINUTES_PER_WEEK,
  playerView,
  policies,
  type Simulation,
  type Snapshot,
} from '../../src/sim';
import { CONDITION_KINDS, MITIGATIONS, ROLES } from '../../src/sim/model/types';
import { RESERVED_NAMES } from '../../src/sim/scenario/limits';
import { numbersIn, scenario } from './fixtures';

/**
 * A random-action soak: a bot that sends every kind of command, with real ids, wrong ids and garbage,
 * between random stretches of time. Short in CI; SOAK_QUARTERS=200 plays 200 13-week rounds, every other one
 * played to its last minute: a hundred whole quarters.
 */
const QUARTERS = Number(process.env.SOAK_QUARTERS ?? 0);
const ROUNDS = QUARTERS > 0 ? QUARTERS : 3;
const WEEKS = QUARTERS > 0 ? 13 : 2;

/** A small seeded generator (mulberry32), so a failing soak can be replayed from its seed. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[int(list.length)]);
  return { next, int, pick };
}

const GARBAGE: unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  0,
  1e308,
  '',
  'x'.repeat(500),
  {},
  [],
  [null],
  { id: 'ada' },
  true,
  ...RESERVED_NAMES,
];

function randomCommand(s: Snapshot, r: ReturnType<typeof randomFrom>): unknown {
  if (r.next() < 0.03) return r.pick([null, [], 'acknowledge', 7, { type: 'toString' }, { type: '__proto__' }]);
  const ids = {
    incident: [...s.incidentOrder],
    retro: Object.keys(s.retros),
    engineer: [...s.engineerOrder],
    team: [...s.teamOrder],
    service: [...s.serviceOrder],
    condition: Object.keys(s.conditions),
    nearMiss: Object.keys(s.nearMisses),
    factor: Object.values(s.retros).flatMap((x) => x.factors.map((f) => f.id)),
  };
  const bad = () => r.pick(GARBAGE);
  const one = (list: readonly unknown[]) => (r.next() < 0.15 ? bad() : r.pick(list));
  const weeks = () =>
    r.next() < 0.2
      ? bad()
      : Array.from({ length: 1 + r.int(3) }, () =>
          r.next() < 0.1 ? bad() : { primary: one(ids.engineer), secondary: one(ids.engineer) },
        );
  const fields: Record<string, () => unknown> = {
    incident: () => one(ids.incident),
    retro: () => one(ids.retro),
    engineer: () => one(ids.engineer),
    facilitator: () => one(ids.engineer),
    blamed: () => one(ids.engineer),
    owner: () => (r.next() < 0.5 ? undefined : one(ids.engineer)),
    to: () => one(ids.engineer),
    mentor: () => (r.next() < 0.3 ? null : one(ids.engineer)),
    team: () => one(ids.team),
    service: () => one(ids.service),
    condition: () => one(ids.condition),
    nearMiss: () => one(ids.nearMiss),
    factor: () => one(ids.factor),
    weeks,
    model: () => one(['ops-team', 'you-build-it', 'hybrid']),
    reliabilityShare: () => (r.next() < 0.2 ? bad() : r.next()),
    role: () => one(ROLES),
    action: () => one(MITIGATIONS),
    kind: () => one(CONDITION_KINDS),
    depth: () => one(['quick', 'deep']),
    framing: () => one(['blameless', 'blame']),
    actionType: () => one(['prevent', 'mitigate', 'repair']),
    acknowledged: () => one([true, false]),
    share: () => one([true, false]),
  };
  const cmd: Record<string, unknown> = { type: r.pick(COMMAND_TYPES) };
  for (const [name, make] of Object.entries(fields)) if (r.next() < 0.5) cmd[name] = make();
  return cmd;
}

/** Whether any number in a value is NaN or infinite; cheap, so it can run after every step. */
function hasNonFinite(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return true;
    } else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

function checkInvariants(s: Snapshot, where: string, withLog: boolean): void {
  const { log, ...world } = s;
  if (hasNonFinite(world) || (withLog && hasNonFinite(log))) {
    const bad = numbersIn(s).filter((n) => !Number.isFinite(n.value));
    expect(bad.slice(0, 3), where).toEqual([]);
  }
  const isOwn = (record: object, id: unknown) => typeof id === 'string' && Object.hasOwn(record, id);
  for (const record of [s.services, s.teams, s.engineers, s.incidents, s.retros, s.actionItems, s.conditions])
    for (const key of Object.keys(record)) expect(RESERVED_NAMES.has(key), `${where}: ${key}`).toBe(false);
  for (const id of s.engineerOrder) expect(isOwn(s.engineers, id), `${where}: engineer ${id}`).toBe(true);
  for (const id of s.incidentOrder) {
    const inc = s.incidents[id];
    expect(inc && isOwn(s.incidents, id), `${where}: incident ${id}`).toBe(true);
    for (const e of inc?.responders ?? []) expect(isOwn(s.engineers, e), `${where}: responder ${e}`).toBe(true);
  }
  for (const item of Object.values(s.actionItems))
    expect(isOwn(s.engineers, item.owner), `${where}: owner "${item.owner}" of ${item.id}`).toBe(true);
}

function playRandomly(sim: Simulation, seed: number, weeks: number): void {
  const r = randomFrom(seed);
  const learner = policies['learning-first'];
  let lastDay = -1;
  // A round can be lost before its last week: it is over either way.
  while (sim.snapshot().now < weeks * MINUTES_PER_WEEK && !sim.snapshot().lost) {
    sim.advance(1 + r.int(120));
    const snap = sim.snapshot();
    const commands: unknown[] = Array.from({ length: r.int(6) }, () => randomCommand(snap, r));
    if (learner && r.next() < 0.5) commands.push(...learner(playerView(snap)));
    for (const cmd of commands) {
      const before = sim.snapshot();
      const result = sim.dispatch(cmd as Command);
      expect(typeof result.ok, JSON.stringify(cmd)).toBe('boolean');
      if (!result.ok) expect(sim.snapshot(), JSON.stringify(cmd)).toBe(before);
    }
    const day = Math.floor(sim.snapshot().now / 1440);
    checkInvariants(sim.snapshot(), `seed ${seed}, minute ${sim.snapshot().now}`, day !== lastDay);
    lastDay = day;
  }
  checkInvariants(sim.snapshot(), `seed ${seed}, the end`, true);
}

describe(`soak: ${ROUNDS} random rounds of ${WEEKS} weeks`, () => {
  const ids = ['platform', 'startup', 'scaleup'] as const;
  for (let round = 0; round < ROUNDS; round++) {
    const id = ids[round % ids.length] as (typeof ids)[number];
    // Every other round cannot be lost, so the soak plays whole quarters as well as rounds that end early.
    const canLose = round % 2 === 0;
    it(`round ${round + 1} (${id}${canLose ? '' : ', played to its end'}) never throws, keeps every invariant, and saves and loads`, {
      timeout: 600_000,
    }, () => {
      const chosen = scenario(id);
      const sim = createSimulation(chosen, { seed: 1000 + round, weeks: WEEKS, canLose });
      playRandomly(sim, 77 + round, WEEKS);
      if (!canLose) expect(sim.snapshot().now).toBe(WEEKS * MINUTES_PER_WEEK);
      const loaded = parseSave(JSON.stringify(makeSave(chosen, sim.snapshot(), [], 'soak')));
      expect(loaded.ok ? 'ok' : loaded.reason).toBe('ok');
    });
  }
});
