/**
 * The balance table: do the honest learners end above every bot that does not learn, farms, blames,
 * crams or sets its own fires, on every scenario and round length, on score − par and on raw score?
 *
 *   npm run balance                       the whole table: 50 seeds × 3 scenarios × 1, 2, 4 and 13 weeks
 *   npm run balance -- --seeds 5 --scenarios startup --weeks 1,2
 *   npm run balance -- --seed-log seeds.jsonl      also one JSON line per seed as it finishes
 *   npm run balance -- --workers 1                  (default: one per core)
 *
 * Each seed is played whole (every bot and the one never-learning replay they all share) by one of a
 * pool of worker threads; the longest rounds are handed out first.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtInScenarios } from '../content/scenarios';
import { policies } from '../sim';
import type { SeedResult } from './balanceSeed';
import { balanceRows, LEARNERS, markdownTable, OTHER_LEARNERS } from './balanceTable';
import type { SeedJob } from './balanceWorker';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const seeds = Number(flag('--seeds', '50'));
/** The first seed: a table can be split into seed ranges. */
const firstSeed = Number(flag('--first-seed', '1'));
const seedLog = flag('--seed-log', '');
const weeksList = flag('--weeks', '1,2,4,13').split(',').map(Number);
const scenarioIds = flag('--scenarios', Object.keys(builtInScenarios).join(',')).split(',');
const workers = Math.max(1, Number(flag('--workers', String(availableParallelism()))));
const bots = Object.keys(policies);

for (const id of scenarioIds) if (!Object.hasOwn(builtInScenarios, id)) throw new Error(`no built-in scenario "${id}"`);

const jobs: SeedJob[] = [];
for (const weeks of [...weeksList].sort((a, b) => b - a))
  for (const scenario of scenarioIds)
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) jobs.push({ scenario, weeks, seed, bots });

const workerModule = new URL('./balanceWorker.ts', import.meta.url);

/**
 * What the workers run: the worker module and the simulation bundled into one file by esbuild (the
 * bundler vite and tsx already bring), which loads at once and runs about a tenth faster than through a
 * loader; failing that, the module itself, through the TypeScript loader this process runs under.
 */
async function workerEntry(): Promise<URL> {
  try {
    const { build } = await import('esbuild');
    const out = join(tmpdir(), `firepants-balance-${process.pid}.mjs`);
    await build({
      entryPoints: [fileURLToPath(workerModule)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'error',
    });
    process.once('exit', () => rmSync(out, { force: true }));
    return pathToFileURL(out);
  } catch {
    const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const code = `import { register } from ${loader}; register(); await import(${JSON.stringify(workerModule.href)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  }
}

const started = performance.now();
const results: SeedResult[] = [];

async function runPool(): Promise<void> {
  const entry = await workerEntry();
  let next = 0;
  const doneCells = new Map<string, number>();
  const perCell = seeds;
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs.length) }, async () => {
      const worker = new Worker(entry);
      try {
        while (next < jobs.length) {
          const job = jobs[next++] as SeedJob;
          const result = await new Promise<SeedResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          worker.removeAllListeners('error');
          results.push(result);
          if (seedLog) appendFileSync(seedLog, `${JSON.stringify(result)}\n`);
          const key = `${job.scenario} ${job.weeks}w`;
          doneCells.set(key, (doneCells.get(key) ?? 0) + 1);
          if (doneCells.get(key) === perCell)
            process.stderr.write(`${key} done (${Math.round((performance.now() - started) / 1000)} s)\n`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

await runPool();
const rows = balanceRows(results);
const seconds = Math.round((performance.now() - started) / 1000);
const others = bots.filter((b) => ![...LEARNERS, ...OTHER_LEARNERS].includes(b as never));
console.log(
  `Balance over seeds ${firstSeed}..${firstSeed + seeds - 1}, ${workers} worker${workers === 1 ? '' : 's'}, ${seconds} s; ${others.length} bots against the learners: ${others.join(', ')}; also learning: ${OTHER_LEARNERS.join(', ')}\n`,
);
console.log(markdownTable(rows));
console.log(JSON.stringify({ seeds, firstSeed, seconds, rows }));
