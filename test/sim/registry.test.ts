import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  CONDITION_KINDS,
  createSimulation,
  INVESTIGATION_STEPS,
  MINUTES_PER_DAY,
  MITIGATIONS,
  RETRO_STEPS,
  ROLES,
  type Snapshot,
  stateHash,
} from '../../src/sim';
import { applyCommand, COMMAND_TYPES, type Command, checkCommand, commandRegistry } from '../../src/sim/commands';
import { scenario, world } from './fixtures';

/** A small seeded generator (mulberry32): the same commands on every run. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[], stray: T): T =>
    list.length === 0 || next() < 0.1 ? stray : (list[Math.floor(next() * list.length)] as T);
  return { next, pick };
}

/** A well-formed command of a random type, naming things that mostly exist in this world. */
function randomCommand(s: Snapshot, r: ReturnType<typeof randomFrom>): Command {
  const known = s.openIncidents.filter((id) => s.incidents[id]?.phase !== 'undetected');
  const incident = r.pick(r.next() < 0.8 ? known : s.incidentOrder, 'inc-nowhere');
  const open = Object.values(s.retros).filter((x) => x.phase !== 'published');
  const retro = r.pick(r.next() < 0.8 ? open.map((x) => x.id) : Object.keys(s.retros), 'retro-nowhere');
  const engineer = () => r.pick(s.engineerOrder, 'nobody');
  const team = r.pick(s.teamOrder, 'no-team');
  const service = r.pick(s.serviceOrder, 'no-service');
  const factor = r.pick(
    Object.values(s.retros).flatMap((x) => x.factors.map((f) => f.id)),
    'no-factor',
  );
  const actionType = r.pick(ACTION_TYPES, 'repair');
  const type = r.pick(COMMAND_TYPES, 'mitigate');
  const all: { [T in Command['type']]: () => Omit<Extract<Command, { type: T }>, 'type'> } = {
    setOwnership: () => ({ model: r.pick(['ops-team', 'you-build-it', 'hybrid'] as const, 'hybrid') }),
    setRotation: () => ({ team, weeks: [{ primary: engineer(), secondary: engineer() }] }),
    setTeamFocus: () => ({ team, reliabilityShare: r.next() }),
    acknowledge: () => ({ incident }),
    pageSecondary: () => ({ incident }),
    escalateToExpert: () => ({ incident }),
    pullInTeam: () => ({ incident, team }),
    assignRole: () => ({ incident, role: r.pick(ROLES, 'ops'), engineer: engineer() }),
    postStatus: () => ({ incident }),
    mitigate: () => ({ incident, action: r.pick(MITIGATIONS, 'restart') }),
    investigate: () => ({ incident, step: r.pick(INVESTIGATION_STEPS, 'logs'), engineer: engineer() }),
    delegateResponse: () => ({ on: r.next() < 0.5 }),
    handOff: () => ({ incident, to: engineer(), acknowledged: r.next() < 0.5 }),
    scheduleRetro: () => ({ incident }),
    advanceRetro: () => ({ retro, from: r.pick(RETRO_STEPS, 'scheduled') }),
    interview: () => ({ retro, depth: r.pick(['quick', 'deep'] as const, 'quick'), facilitator: engineer() }),
    frameRetro: () => ({ retro, framing: r.pick(['blameless', 'blame'] as const, 'blame'), blamed: engineer() }),
    fileActionItem: () =>
      r.next() < 0.6
        ? { retro, factor, actionType }
        : { condition: r.pick(Object.keys(s.conditions), 'no-condition'), actionType },
    publishRetro: () => ({ retro, share: r.next() < 0.5 }),
    reviewNearMiss: () => ({ nearMiss: r.pick(Object.keys(s.nearMisses), 'no-near-miss') }),
    runDrill: () => ({ team, service }),
    setShadow: () => ({ engineer: engineer(), mentor: r.next() < 0.2 ? null : engineer() }),
    injectIncident: () => ({ service, kind: r.pick(CONDITION_KINDS, 'capacity') }),
    chooseInvestment: () => ({ week: 1 + Math.floor(r.next() * 4), offer: Math.floor(r.next() * 3) }),
  };
  return { type, ...all[type]() } as Command;
}

/** Commands that set a value: asking for the value already set is accepted and changes nothing. */
const SETTINGS = new Set(['setOwnership', 'setRotation', 'setTeamFocus']);

describe('the command registry', () => {
  it('has a module with a schema, a check, an effect and a label for every command type', () => {
    expect(COMMAND_TYPES.length).toBe(24);
    for (const type of COMMAND_TYPES) {
      const def = commandRegistry[type];
      expect(existsSync(new URL(`../../src/sim/commands/${type}.ts`, import.meta.url)), type).toBe(true);
      expect(def.type).toBe(type);
      expect(typeof def.schema.safeParse, type).toBe('function');
      expect(typeof def.check, type).toBe('function');
      expect(typeof def.perform, type).toBe('function');
      expect(def.label.trim().length, type).toBeGreaterThan(2);
    }
  });

  it('refuses a bad payload naming the bad field, before any check, and changes nothing', () => {
    const state = world(3);
    const before = stateHash(state);
    const cases: [unknown, string][] = [
      [{ type: 'mitigate', incident: 'inc-1', action: 'reboot' }, 'mitigate: bad action (no mitigation "reboot")'],
      [{ type: 'handOff', incident: 'inc-1', to: 'ada' }, 'handOff: bad acknowledged'],
      [{ type: 'setRotation', team: 'web', weeks: [{ primary: 'ada', secondary: 7 }] }, 'bad weeks[0].secondary'],
      [{ type: 'setTeamFocus', team: '', reliabilityShare: 0.2 }, 'setTeamFocus: bad team'],
      [
        { type: 'investigate', incident: 'inc-1', step: 'tarot', engineer: 'esi' },
        'investigate: bad step (no investigation step "tarot")',
      ],
      [{ type: 'delegateResponse', on: 'yes' }, 'delegateResponse: bad on'],
    ];
    for (const [cmd, words] of cases) {
      for (const verdict of [checkCommand(state, cmd as Command), applyCommand(state, cmd as Command)]) {
        expect(verdict.ok).toBe(false);
        expect(verdict.ok ? '' : verdict.reason).toContain(words);
      }
    }
    expect(stateHash(state)).toBe(before);
  });

  it('checkCommand agrees with applyCommand on hundreds of random commands in random worlds, and changes nothing', () => {
    const counts = { ok: 0, refused: 0 };
    const okTypes = new Set<string>();
    for (const seed of [11, 12, 13, 14]) {
      const sim = createSimulation(scenario(seed % 2 === 0 ? 'platform' : 'startup'), { seed, weeks: 3 });
      const r = randomFrom(seed);
      for (let round = 0; round < 25; round++) {
        sim.advance(1 + Math.floor(r.next() * MINUTES_PER_DAY * 0.15));
        for (let i = 0; i < 6; i++) {
          const cmd = randomCommand(sim.snapshot(), r);
          const before = sim.snapshot();
          const hash = stateHash(before);
          const predicted = checkCommand(before, cmd);
          expect(stateHash(before), `check changed the world: ${JSON.stringify(cmd)}`).toBe(hash);
          const applied = sim.dispatch(cmd);
          expect(applied, JSON.stringify(cmd)).toEqual(predicted);
          if (applied.ok) {
            // What the check accepts, the command does (settings may already hold the value asked for).
            if (!SETTINGS.has(cmd.type)) expect(sim.snapshot(), JSON.stringify(cmd)).not.toBe(before);
            counts.ok += 1;
            okTypes.add(cmd.type);
          } else {
            counts.refused += 1;
            expect(sim.snapshot()).toBe(before);
          }
        }
      }
    }
    expect(counts.ok + counts.refused).toBe(600);
    expect(counts.ok).toBeGreaterThan(60);
    expect(counts.refused).toBeGreaterThan(60);
    expect(okTypes.size).toBeGreaterThanOrEqual(15);
  });
});
