/**
 * The balance table from seed logs (`npm run balance -- --seed-log FILE`), merged: long tables run
 * in seed ranges side by side, or stopped part way, are counted from the seeds that finished.
 * `npx tsx src/headless/balanceMerge.ts FILE...` prints the README's table, with the seeds behind
 * each row.
 */
import { readFileSync } from 'node:fs';

const LEARNERS = ['learning-first', 'steady-learner'] as const;

interface SeedLine {
  scenario: string;
  weeks: number;
  seed: number;
  scores: Record<string, number>;
  silent: number;
  overclaims: number;
}

export interface MergedRow {
  scenario: string;
  weeks: number;
  seeds: number;
  ahead: Record<string, number>;
  silentShown: number;
  overclaims: number;
  nearest: string;
}

export function mergeSeedLines(lines: SeedLine[]): MergedRow[] {
  const cells = new Map<string, Map<number, SeedLine>>();
  for (const line of lines) {
    const key = `${line.scenario}|${line.weeks}`;
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)?.set(line.seed, line);
  }
  const rows: MergedRow[] = [];
  for (const [key, bySeed] of cells) {
    const [scenario = '', weeks = '0'] = key.split('|');
    const all = [...bySeed.values()];
    const ahead: Record<string, number> = {};
    const beatenBy: Record<string, number> = {};
    for (const l of LEARNERS) {
      let wins = 0;
      for (const s of all) {
        const mine = s.scores[l] ?? Number.NEGATIVE_INFINITY;
        const over = Object.entries(s.scores).filter(([n, v]) => !LEARNERS.includes(n as never) && v >= mine);
        if (over.length === 0) wins++;
        if (l === 'learning-first') for (const [n] of over) beatenBy[n] = (beatenBy[n] ?? 0) + 1;
      }
      ahead[l] = wins / all.length;
    }
    const worst = Object.entries(beatenBy).sort((a, b) => b[1] - a[1])[0];
    rows.push({
      scenario,
      weeks: Number(weeks),
      seeds: all.length,
      ahead,
      silentShown: all.filter((s) => s.silent >= 1).length / all.length,
      overclaims: all.reduce((n, s) => n + s.overclaims, 0),
      nearest: worst ? `${worst[0]} (${worst[1]})` : '—',
    });
  }
  return rows.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.weeks - b.weeks);
}

if (process.argv[1]?.endsWith('balanceMerge.ts')) {
  const lines = process.argv
    .slice(2)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SeedLine);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  console.log(
    '| scenario | weeks | seeds | learning-first above all | steady-learner above all | learning-first shows a silent success | over-claims | bot nearest learning-first |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of mergeSeedLines(lines))
    console.log(
      `| ${r.scenario} | ${r.weeks} | ${r.seeds} | ${pct(r.ahead['learning-first'] ?? 0)} | ${pct(r.ahead['steady-learner'] ?? 0)} | ${pct(r.silentShown)} | ${r.overclaims} | ${r.nearest} |`,
    );
}
