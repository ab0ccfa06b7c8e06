import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenarioText, validateScenario } from '../../src/sim';
import { MAX_PROBLEMS, RESERVED_NAMES } from '../../src/sim/scenario/limits';
import { numbersIn, rawScenario } from './fixtures';

const PATH = /^(\(file\)|[A-Za-z]\w*(\[\d+\]|\.[A-Za-z0-9_-]+|\["[^\n]*?"\])*)$/;
const RESERVED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

function refused(text: string) {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.problems;
}

describe('hostile scenario files', () => {
  it('refuse names every object has, as service, team, engineer and site ids, naming the path', () => {
    for (const name of RESERVED) {
      const at = [
        ['services[0].id', (s: ReturnType<typeof rawScenario>) => Object.assign(s.services[0] as object, { id: name })],
        ['teams[0].id', (s: ReturnType<typeof rawScenario>) => Object.assign(s.teams[0] as object, { id: name })],
        [
          'teams["web"].members[0].id',
          (s: ReturnType<typeof rawScenario>) =>
            Object.assign((s.teams[0] as { members: object[] }).members[0] as object, { id: name }),
        ],
        [
          'teams["web"].site',
          (s: ReturnType<typeof rawScenario>) => Object.assign(s.teams[0] as object, { site: name }),
        ],
      ] as const;
      for (const [path, edit] of at) {
        const raw = rawScenario('platform');
        edit(raw);
        const problems = refused(JSON.stringify(raw));
        expect(
          problems.some((p) => p.path === path && p.message.includes('reserved')),
          `${name} at ${path}: ${JSON.stringify(problems)}`,
        ).toBe(true);
      }
    }
    expect(RESERVED_NAMES.has('constructor')).toBe(true);
  });

  it('refuse deep nesting in schemaVersion without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refused(`{"schemaVersion":${deep}}`)[0]?.message).toContain('nested more than 64');
    const value = JSON.parse(`{"schemaVersion":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    const r = validateScenario(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('nested more than 64');
  });

  it('refuse files over the size limit before parsing them', () => {
    const problems = refused(`{"schemaVersion":1,"name":"${'x'.repeat(1_100_000)}"}`);
    expect(problems).toEqual([{ path: '(file)', message: 'the file is larger than 1 MB' }]);
  });

  it('cap the list of problems and shorten every echoed value', () => {
    const raw = rawScenario('platform');
    const knowledge: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) knowledge[`k${i}`] = 0.5;
    knowledge['y'.repeat(5000)] = 0.5;
    (raw.teams[0] as { members: { knowledge: unknown }[] }).members[0]!.knowledge = knowledge;
    (raw as Record<string, unknown>).schemaVersion = 'v'.repeat(5000);
    let problems = refused(JSON.stringify(raw));
    expect(problems[0]?.message.length).toBeLessThan(200);
    expect(problems[0]?.message).toContain('…');
    (raw as Record<string, unknown>).schemaVersion = 1;
    problems = refused(JSON.stringify(raw));
    expect(problems[0]?.path).toMatch(/^teams\["web"\]\.members\["ada"\]\.knowledge\["y+…"\]$/);
    delete knowledge['y'.repeat(5000)];
    problems = refused(JSON.stringify(raw));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)?.message).toMatch(/^and \d+ more$/);
    expect(JSON.stringify(problems).length).toBeLessThan(10_000);
  });

  it('accept a byte-order mark at the start of the file', () => {
    const result = parseScenarioText(`\uFEFF${JSON.stringify(rawScenario('startup'))}`);
    expect(result.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Fuzzing: mutations of a valid file never throw; either a playable world or problems with paths.
// ---------------------------------------------------------------------------

/** Every place in a value, as a list of keys. */
function placesIn(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placesIn(v, [...at, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) placesIn(v, [...at, k], out);
  }
  return out;
}

const DEEP = '\u0000deep\u0000';
const hostileValue = fc.oneof(
  fc.constantFrom(...RESERVED),
  fc.constantFrom(1e308, -1e308, 5e-324, -0, 2 ** 53, 0.5, 27, -13),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '', ' ', '0x10', '\u202e'),
  fc.constantFrom(null, true, [], {}, [null], { __proto__: 1 }),
  fc.constant(DEEP),
  fc.string({ maxLength: 300 }),
  fc.constant('w'.repeat(2000)),
);

const mutation = fc.record({
  place: fc.nat(),
  value: hostileValue,
  asKey: fc.boolean(),
  bom: fc.boolean(),
  depth: fc.integer({ min: 10, max: 5000 }),
});

describe('scenario fuzzing', () => {
  it('never throws, and either accepts a playable world or names problems with paths', () => {
    const base = rawScenario('platform');
    const places = placesIn(base).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        const raw = structuredClone(base) as Record<string, unknown>;
        let bom = false;
        let depth = 10;
        for (const e of edits) {
          const place = places[e.place % places.length] as (string | number)[];
          let parent: unknown = raw;
          for (const k of place.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[k];
          if (!parent || typeof parent !== 'object') continue;
          const last = place.at(-1) as string | number;
          const target = parent as Record<string | number, unknown>;
          if (e.asKey && typeof e.value === 'string' && !Array.isArray(target)) {
            Object.defineProperty(target, e.value, { value: target[last], enumerable: true, writable: true });
            delete target[last];
          } else target[last] = e.value;
          bom ||= e.bom;
          depth = e.depth;
        }
        const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const text = (bom ? '\uFEFF' : '') + JSON.stringify(raw).replaceAll(JSON.stringify(DEEP), deep);
        const result = parseScenarioText(text);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
          for (const p of result.problems) {
            expect(p.path, JSON.stringify(p)).toMatch(PATH);
            expect(p.path.length).toBeLessThanOrEqual(240);
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.message.length).toBeLessThanOrEqual(300);
          }
          return;
        }
        const sim = createSimulation(result.scenario, { seed: 3, weeks: 1 });
        sim.advance(120);
        const snap = sim.snapshot();
        expect(numbersIn(snap).filter((n) => !Number.isFinite(n.value))).toEqual([]);
        for (const record of [snap.engineers, snap.teams, snap.services])
          for (const key of Object.keys(record)) expect(RESERVED_NAMES.has(key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
