import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The scenario file format as JSON Schema, for editors: what a file may contain, before defaults are filled in. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Firepants scenario',
    description:
      'Teams, people and services for a round of Firepants. Generated from the game’s own schema by `npm run schema`; do not edit by hand.',
  };
}

/** The exact text of the committed schema file, so a test can tell when it has drifted. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
