/**
 * How fast the headless simulator runs, measured in this process (`npm run bench`).
 *
 * - "bare rules": createSimulation(...).advance(13 weeks) with no bot: the cost of the rules alone.
 * - "baseline" and "learning-first": runRound with that bot, which looks at the world every 5 minutes.
 *
 * Each figure is the median of a few repetitions. No assertions, no thresholds: this only reports.
 */
import {
  builtInScenarios,
  createSimulation,
  MINUTES_PER_WEEK,
  type Policy,
  policies,
  runRound,
  type Scenario,
  validateScenario,
} from '../src/sim';

const SCENARIO_ID = 'platform';
const WEEKS = 13;
const SEED = 1;
const REPETITIONS = 3;
const MB = 1024 * 1024;

interface Measurement {
  label: string;
  wallSeconds: number;
  simMinutes: number;
  heapAfter: number;
}

function loadScenario(id: string): Scenario {
  const result = validateScenario(builtInScenarios[id]);
  if (!result.ok) {
    const problems = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new Error(`built-in scenario "${id}" is invalid:\n${problems}`);
  }
  return result.scenario;
}

function policy(name: string): Policy {
  const found = policies[name];
  if (!found) throw new Error(`unknown policy "${name}"; known: ${Object.keys(policies).join(', ')}`);
  return found;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs `play` a few times; returns the median wall time and the simulated minutes it covered. */
function measure(label: string, play: () => number): Measurement {
  const times: number[] = [];
  let simMinutes = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    const started = performance.now();
    simMinutes = play();
    times.push((performance.now() - started) / 1000);
  }
  return { label, wallSeconds: median(times), simMinutes, heapAfter: process.memoryUsage().heapUsed };
}

const againstAt = process.argv.indexOf('--against');
const againstRef = againstAt >= 0 ? process.argv[againstAt + 1] : undefined;

const scenario = loadScenario(SCENARIO_ID);
const roundMinutes = WEEKS * MINUTES_PER_WEEK;

collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;

const bare = measure('bare rules (no bot)', () => {
  const sim = createSimulation(scenario, { seed: SEED, weeks: WEEKS });
  sim.advance(roundMinutes);
  return sim.snapshot().now;
});
const bots = ['baseline', 'learning-first'].map((name) =>
  measure(`runRound: ${name}`, () => runRound(scenario, { seed: SEED, weeks: WEEKS, policy: policy(name) }).now),
);
const rows = [bare, ...bots];

const bareRate = bare.simMinutes / bare.wallSeconds;
const table = [
  ['run', 'wall (median)', 'sim min / s', '× real time', '× bare speed', 'heap after', '× heap before'],
  ...rows.map((m) => {
    const rate = m.simMinutes / m.wallSeconds;
    return [
      m.label,
      `${(m.wallSeconds * 1000).toFixed(0)} ms`,
      rate.toFixed(0),
      `${Math.round((m.simMinutes * 60) / m.wallSeconds).toLocaleString('en-US')}×`,
      `${(rate / bareRate).toFixed(2)}×`,
      `${(m.heapAfter / MB).toFixed(1)} MB`,
      `${(m.heapAfter / heapBefore).toFixed(2)}×`,
    ];
  }),
];

const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
const format = (row: string[]) =>
  row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');

console.log(
  `Firepants simulator bench: scenario "${SCENARIO_ID}", ${WEEKS} weeks (${roundMinutes} sim minutes), seed ${SEED}, ` +
    `median of ${REPETITIONS} runs, node ${process.version}`,
);
console.log();
console.log(format(table[0]!));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(format(row));
console.log();
console.log(
  `× real time = simulated seconds per wall-clock second; × bare speed = throughput relative to the bare rules run.\n` +
    `heap before runs: ${(heapBefore / MB).toFixed(1)} MB` +
    ((globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc, so heap figures include uncollected garbage)'),
);

if (againstRef) {
  const { benchAgainst } = await import('./against');
  const ratios = benchAgainst(againstRef);
  console.log(JSON.stringify({ against: againstRef, ratios }));
}
