/**
 * `npm run bench`: how fast the headless simulator runs, measured in this process, then the game in a browser
 * (bench/browser.ts) against bare pages of the same build. Ends with one JSON line of every figure.
 *
 * - "bare rules": createSimulation(...).advance(13 weeks) with no bot: the cost of the rules alone.
 * - "baseline" and "learning-first": runRound with that bot, which looks at the world every 5 minutes.
 *
 * Each figure is the median of a few repetitions. No assertions: this only reports, with the browser targets beside.
 * BENCH_PORT serves the built pages on a given port (default: any free one); BENCH_BROWSER=0 skips the browser.
 */

import { builtInScenarios } from '../src/content/scenarios';
import {
  createSimulation,
  MINUTES_PER_WEEK,
  type Policy,
  policies,
  runRound,
  type Scenario,
  validateScenario,
} from '../src/sim';
import { type BrowserFigures, browserBench, FIRESTORM, FRAME_RUNS, MENU_RUNS } from './browser';

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

// The rules alone, nobody answering, for one week: unanswered fires pile up and burn, so a longer
// stretch measures the pile rather than the rules, and a round that may be lost ends on its first day.
const bare = measure('bare rules (no bot, 1 week)', () => {
  const sim = createSimulation(scenario, { seed: SEED, weeks: 1, canLose: false });
  sim.advance(MINUTES_PER_WEEK);
  return sim.snapshot().now;
});
const bots = ['baseline', 'learning-first'].map((name) =>
  measure(
    `runRound: ${name}`,
    () => runRound(scenario, { seed: SEED, weeks: WEEKS, policy: policy(name), canLose: false }).now,
  ),
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

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const simFigures = Object.fromEntries(
  rows.map((m) => [
    m.label,
    { wallMs: Math.round(m.wallSeconds * 1000), simMinutesPerSecond: Math.round(m.simMinutes / m.wallSeconds) },
  ]),
);

async function browserPart(): Promise<BrowserFigures | { skipped: string }> {
  if (process.env.BENCH_BROWSER === '0') return { skipped: 'BENCH_BROWSER=0' };
  return browserBench(Number(process.env.BENCH_PORT) || 0);
}

const web = await browserPart();
console.log();
if ('skipped' in web) {
  console.log(`Browser bench skipped: ${web.skipped}.`);
  console.log(JSON.stringify({ simulator: simFigures, browser: web }));
} else {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  const storm = web.firestorm;
  const ratios = {
    firestormP95VsBare: ratio(storm.p95Ms, web.bareScene.p95Ms),
    firestormMedianVsBare: ratio(storm.medianMs, web.bareScene.medianMs),
    menuVsBarePage: ratio(web.menuMs, web.barePageMs),
    bundleVsPhaser: ratio(web.gameGzipBytes, web.phaserGzipBytes),
  };
  const verdict = (value: number, target: number) => (value <= target ? `meets ≤ ${target}×` : `MISSES ≤ ${target}×`);
  console.log(
    `Browser bench: ${web.browser}, Phaser ${web.renderer}, production build, 1280×720 page, map ${web.mapSize}`,
  );
  console.log(
    `Firestorm: ${FIRESTORM.services} services, ${FIRESTORM.teams} teams, ${FIRESTORM.people} people, ` +
      `live incidents min ${storm.liveMin}, median ${storm.liveMedian}, 8×, auto-pause off; bare scene: ${storm.texts} texts, ${storm.shapes} shapes, ${storm.flames} flames`,
  );
  console.log(
    `  frame time   firestorm median ${ms(storm.medianMs)}, p95 ${ms(storm.p95Ms)} (${storm.frames} frames over ${FRAME_RUNS} turns)` +
      `   bare Phaser median ${ms(web.bareScene.medianMs)}, p95 ${ms(web.bareScene.p95Ms)} (${web.bareScene.frames} frames)`,
  );
  console.log(
    `  p95 ratio ${ratios.firestormP95VsBare}× (${verdict(ratios.firestormP95VsBare, 1.25)}), median ratio ${ratios.firestormMedianVsBare}×`,
  );
  console.log(
    `Menu: first button enabled after ${ms(web.menuMs)}; bare page ${ms(web.barePageMs)} (median of ${MENU_RUNS}, taking turns): ` +
      `${ratios.menuVsBarePage}× (${verdict(ratios.menuVsBarePage, 1.5)})`,
  );
  console.log(
    `Bundle (gzip): the game loads ${kb(web.gameGzipBytes)} in all, Phaser alone ${kb(web.phaserGzipBytes)}: ${ratios.bundleVsPhaser}×`,
  );
  console.log(JSON.stringify({ simulator: simFigures, browser: web, ratios }));
}

if (againstRef) {
  const { benchAgainst } = await import('./against');
  const ratios = benchAgainst(againstRef);
  console.log(JSON.stringify({ against: againstRef, ratios }));
}
