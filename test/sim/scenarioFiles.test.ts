import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/sim';
import { scenarioJsonSchemaText } from '../../src/sim/scenario/jsonSchema';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The template keeps its comments on lines of their own, so dropping those lines leaves plain JSON. */
const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');

describe('scenario files for authors', () => {
  it('the committed JSON Schema is the one the game generates (run `npm run schema` after changing the schema)', () => {
    expect(read('scenario.schema.json')).toBe(scenarioJsonSchemaText());
  });

  it('the schema lets a file name its schema and lists every top-level field', () => {
    const schema = JSON.parse(read('scenario.schema.json'));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['$schema', 'schemaVersion', 'id', 'teams', 'services', 'sites']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'name', 'teams', 'services']));
    expect(schema.required).not.toContain('$schema');
  });

  it('the checkout team example is a valid scenario, $schema line included', () => {
    const raw = JSON.parse(read('docs/examples/checkout-team.json'));
    expect(raw.$schema).toBe('../../scenario.schema.json');
    const result = validateScenario(raw);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(result.scenario.services.map((s) => s.id)).toContain('fraud-check');
  });

  it('the documented template is a valid scenario once its comments are dropped', () => {
    const text = read('docs/scenario-template.jsonc');
    expect(text).toContain('// ');
    const result = validateScenario(JSON.parse(withoutComments(text)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('a $schema that is not a string is named as the bad field', () => {
    const raw = JSON.parse(read('docs/examples/checkout-team.json'));
    const result = validateScenario({ ...raw, $schema: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.path.includes('$schema'))).toBe(true);
  });
});
