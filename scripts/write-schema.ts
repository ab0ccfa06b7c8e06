// Writes scenario.schema.json at the repository root from the game's scenario schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/sim';

writeFileSync(new URL('../scenario.schema.json', import.meta.url), scenarioJsonSchemaText());
console.log('wrote scenario.schema.json');
