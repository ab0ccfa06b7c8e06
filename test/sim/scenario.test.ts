import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../src/content/scenarios';
import { createSimulation, parseScenarioText, validateScenario } from '../../src/sim';
import { formatPath } from '../../src/sim/scenario/validate';
import { rawScenario } from './fixtures';

/** A path into the file, like `services["api"].dependsOn` or `teams["core"].members["ada"].knowledge.queue`. */
const PATH = /^(\(file\)|[A-Za-z]\w*(\[\d+\]|\["[A-Za-z0-9_-]+"\]|\.[A-Za-z0-9_-]+)*)$/;

function problemsOf(input: unknown) {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  for (const p of result.problems) {
    expect(p.path, JSON.stringify(p)).toMatch(PATH);
    expect(p.message.length, JSON.stringify(p)).toBeGreaterThan(0);
  }
  return result.problems;
}

describe('scenario files', () => {
  it('every built-in scenario is valid and plays', () => {
    expect(Object.keys(builtInScenarios).length).toBeGreaterThan(0);
    for (const [id, raw] of Object.entries(builtInScenarios)) {
      const result = validateScenario(raw);
      expect(result.ok, id).toBe(true);
      if (!result.ok) continue;
      expect(result.scenario.id).toBe(id);
      const sim = createSimulation(result.scenario, { seed: 1, weeks: 1 });
      sim.advance(60);
      expect(sim.snapshot().now).toBe(60);
    }
  });

  it('round-trips through text', () => {
    const result = parseScenarioText(JSON.stringify(builtInScenarios.platform));
    expect(result.ok).toBe(true);
  });

  it('bad JSON gives a message, not an exception', () => {
    const result = parseScenarioText('{ "schemaVersion": 1, "id": ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('(file)');
    expect(result.problems[0]?.message).toMatch(/not valid JSON/);
    for (const text of ['', 'null', '[]', '42', '"platform"']) {
      const r = parseScenarioText(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.problems[0]?.path).toBe('(file)');
    }
  });

  it('an unsupported schema version is named as such', () => {
    const raw = rawScenario();
    raw.schemaVersion = 4;
    const [p] = problemsOf(raw);
    expect(p?.path).toBe('schemaVersion');
    expect(p?.message).toMatch(/version 4; this game reads versions 1 to 3/);
    delete raw.schemaVersion;
    expect(problemsOf(raw)[0]?.message).toMatch(/missing/);
  });

  it('an unknown dependency is reported at its exact place', () => {
    const raw = rawScenario();
    (raw.services[2] as { dependsOn: string[] }).dependsOn = ['ghost', 'catalog'];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({ path: 'services["checkout"].dependsOn', message: 'no service "ghost"' });
    expect(problems).toHaveLength(1);
  });

  it('a dependency cycle is reported', () => {
    const raw = rawScenario();
    // pantry-db (services[5]) now depends on checkout, which depends on catalog, which depends on pantry-db.
    (raw.services[5] as { dependsOn: string[] }).dependsOn = ['checkout'];
    const problems = problemsOf(raw);
    const cycle = problems.find((p) => /cycle/.test(p.message));
    expect(cycle?.path).toBe('services');
    expect(cycle?.message).toMatch(/pantry-db/);
    expect(cycle?.message).toMatch(/checkout/);
  });

  it('a service depending on itself is reported', () => {
    const raw = rawScenario();
    (raw.services[0] as { dependsOn: string[] }).dependsOn = ['gateway'];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({
      path: 'services["gateway"].dependsOn',
      message: 'a service cannot depend on itself',
    });
  });

  it('an unknown team, duplicates and knowledge of unknown services are reported', () => {
    const raw = rawScenario();
    (raw.services[3] as { team: string }).team = 'marketing';
    (raw.services[4] as { id: string }).id = 'gateway';
    const members = (raw.teams[1] as { members: { id: string; knowledge: Record<string, number> }[] }).members;
    (members[1] as { id: string }).id = 'ada';
    (members[0] as { knowledge: Record<string, number> }).knowledge.mainframe = 0.5;
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({ path: 'services["catalog"].team', message: 'no team "marketing"' });
    expect(problems).toContainEqual({ path: 'services[4].id', message: 'duplicate service id "gateway"' });
    expect(problems).toContainEqual({
      path: 'teams["data"].members[1].id',
      message: 'duplicate engineer id "ada"',
    });
    expect(problems.map((p) => p.path)).toContain('teams["data"].members["esi"].knowledge.mainframe');
  });

  it('schema errors carry the path of the bad field', () => {
    const raw = rawScenario();
    (raw.services[1] as { customerWeight: number }).customerWeight = 3;
    (raw.teams[0] as { color: string }).color = 'blue';
    (raw.services[6] as { conditions: { kind: string }[] }).conditions[1] = { kind: 'gremlins' };
    const paths = problemsOf(raw).map((p) => p.path);
    expect(paths).toContain('services["storefront"].customerWeight');
    expect(paths).toContain('teams["web"].color');
    expect(paths).toContain('services["queue"].conditions[1].kind');
  });

  it('formats paths the way the editor shows them', () => {
    expect(formatPath([])).toBe('(file)');
    expect(formatPath(['services', 2, 'dependsOn', 0])).toBe('services[2].dependsOn[0]');
    expect(formatPath(['teams', 0, 'members', 3, 'knowledge', 'queue'])).toBe('teams[0].members[3].knowledge.queue');
  });

  it('any damage to a file is refused with located problems, never a crash', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -5, max: 50 }),
      fc.double(),
      fc.constant([]),
      fc.constant({}),
      fc.constant('toString'),
      fc.constant('constructor'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), junk), { minLength: 1, maxLength: 3 }), (edits) => {
        const raw = rawScenario() as unknown as Record<string, unknown>;
        for (const [a, b, c, value] of edits) {
          // Walk down to some nested object and overwrite one of its fields.
          let target: Record<string, unknown> = raw;
          for (const pick of [a, b]) {
            const keys = Object.keys(target).filter((k) => target[k] && typeof target[k] === 'object');
            if (keys.length === 0) break;
            target = target[keys[pick % keys.length] as string] as Record<string, unknown>;
          }
          const keys = Object.keys(target);
          const key = keys.length > 0 ? (keys[c % keys.length] as string) : 'x';
          if (value === undefined) delete target[key];
          else target[key] = value;
        }
        const result = validateScenario(raw);
        if (result.ok) {
          createSimulation(result.scenario, { seed: 1, weeks: 1 }).advance(30);
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p.path).toMatch(PATH);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a problem names the element by its id', () => {
  it('a dependency on a service that is not there says which service, and guesses the one meant', () => {
    const raw = rawScenario();
    (raw.services[2] as { dependsOn: string[] }).dependsOn = ['pantry-bd'];
    (raw.services[3] as { dependsOn: string[] }).dependsOn = ['postgres'];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({
      path: 'services["checkout"].dependsOn',
      message: 'no service "pantry-bd" (did you mean "pantry-db"?)',
    });
    // Nothing is named like it: no guess rather than a wrong one.
    expect(problems).toContainEqual({ path: 'services["catalog"].dependsOn', message: 'no service "postgres"' });
  });

  it('a service named Postgres with the id pg is the guess for "postgres"', () => {
    const raw = rawScenario();
    (raw.services[5] as { name: string }).name = 'Postgres';
    (raw.services[5] as { id: string }).id = 'pg';
    for (const s of raw.services as { dependsOn: string[] }[])
      s.dependsOn = s.dependsOn.map((d) => (d === 'pantry-db' ? 'pg' : d));
    (raw.services[3] as { id: string }).id = 'tracker';
    (raw.services[3] as { dependsOn: string[] }).dependsOn = ['postgres'];
    for (const s of raw.services as { dependsOn: string[] }[])
      s.dependsOn = s.dependsOn.map((d) => (d === 'catalog' ? 'tracker' : d));
    const messages = problemsOf(raw).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('services["tracker"].dependsOn: no service "postgres" (did you mean "pg"?)');
  });

  it('a duplicated id cannot name its element, so the index does', () => {
    const raw = rawScenario();
    (raw.services[4] as { id: string }).id = 'gateway';
    expect(problemsOf(raw).map((p) => p.path)).toContain('services[4].id');
  });
});

describe('a scenario file with comments (.jsonc)', () => {
  it('the template itself loads, comments and all', () => {
    const text = readFileSync(new URL('../../docs/scenario-template.jsonc', import.meta.url), 'utf8');
    expect(text).toContain('//');
    const result = parseScenarioText(text);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
  });

  it('comment marks inside strings are text, and a comma before a closing bracket is forgiven', () => {
    const raw = rawScenario();
    raw.description = 'See http://status.example // and /* this */ too';
    const text = `// top\n${JSON.stringify(raw, null, 2).replace('"teams": [', '"teams": [ /* the teams */').replace(/\n}$/, ',\n}')}`;
    const result = parseScenarioText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.description).toBe('See http://status.example // and /* this */ too');
  });

  it('a comment that never ends, or bad JSON under the comments, is still refused with a message', () => {
    const unended = parseScenarioText('/* a comment\n{ "schemaVersion": 2 }');
    expect(unended.ok).toBe(false);
    if (!unended.ok) expect(unended.problems[0]?.message).toMatch(/not valid JSON/);
    const bad = parseScenarioText('// fine\n{ "schemaVersion": 2, }}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.message).toMatch(/not valid JSON even without its comments/);
  });
});
