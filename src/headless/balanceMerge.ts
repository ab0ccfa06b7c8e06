/**
 * The balance table from seed logs (`npm run balance -- --seed-log FILE`), merged: long tables run
 * in seed ranges side by side (`--first-seed`), or stopped part way, are counted from the seeds that
 * finished, each seed once. `npx tsx src/headless/balanceMerge.ts FILE...` prints the README's table.
 */
import { readFileSync } from 'node:fs';
import type { SeedResult } from './balanceSeed';
import { balanceRows, markdownTable } from './balanceTable';

/** The seed results in the text of one or more seed logs (one JSON line per seed). */
export function readSeedLog(text: string): SeedResult[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SeedResult);
}

if (process.argv[1]?.endsWith('balanceMerge.ts')) {
  const results = process.argv.slice(2).flatMap((f) => readSeedLog(readFileSync(f, 'utf8')));
  console.log(markdownTable(balanceRows(results)));
}
