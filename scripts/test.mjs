#!/usr/bin/env node
// Runs every check in order: type-check, lint, layers, the fast and the slow unit tiers, build, browser tests.
// Every stage runs and reports even when an earlier one failed (browser tests need the build); the summary names each.
// Node built-ins only until dependencies are installed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDependencies, isWindows, localBin, root } from './dependencies.mjs';

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const problem = ensureDependencies((how) => console.log(`▶ install dependencies (${how})`));
if (problem) fail(`install failed: ${problem}`);

try {
  const { findChromium } = await import(pathToFileURL(join(root, 'scripts', 'find-browser.mjs')).href);
  process.env.CHROMIUM_PATH = await findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  fail('browser setup failed');
}

// Several room processes share a Redis: the tests that run them start a redis-server of their own (installed here
// from the distribution where it may be; without one, those tests say so and are skipped).
{
  const { findRedis } = await import(pathToFileURL(join(root, 'scripts', 'find-redis.mjs')).href);
  const redis = findRedis();
  if (redis) process.env.REDIS_SERVER = redis;
  else
    console.log('▶ no redis-server and no root or sudo to install it: the tests of several room processes are skipped');
}

// The browser tests serve the build on one port and start room servers on five more (ten apart): chosen free here
// unless set, so a second run beside this one (or a server already on 4173) does not break either.
const { freePorts } = await import(pathToFileURL(join(root, 'scripts', 'free-ports.mjs')).href);
process.env.E2E_PORT ||= String(await freePorts(4200, 9000));
process.env.E2E_ROOMS_PORT ||= String(await freePorts(20000, 30000, 5, 10));
// The room tests' servers and their own Redis servers look for ports in ranges of this run's own.
if (!process.env.ROOMS_TEST_PORTS) {
  const first = await freePorts(10000, 19900, 90);
  process.env.ROOMS_TEST_PORTS = `${first}-${first + 89}`;
}
if (!process.env.REDIS_PORTS) {
  const first = await freePorts(9100, 9990, 10);
  process.env.REDIS_PORTS = `${first}-${first + 9}`;
}
console.log(
  `ports of this run: room tests ${process.env.ROOMS_TEST_PORTS}, their Redis ${process.env.REDIS_PORTS}; browser tests: the build on ${process.env.E2E_PORT}, room servers from ${process.env.E2E_ROOMS_PORT}`,
);

// Another run on this machine (a second checkout's tests) shares its cores: the browser tests then open one
// browser at a time instead of two, so that the two runs together have the browsers one run alone has.
const { announceRun, otherRuns } = await import(pathToFileURL(join(root, 'scripts', 'other-runs.mjs')).href);
announceRun();
const workersSet = Boolean(process.env.E2E_WORKERS);

const steps = [
  { name: 'type-check', bin: 'tsc', args: ['--noEmit'] },
  { name: 'lint', bin: 'biome', args: ['check', '.'] },
  { name: 'layers', bin: 'depcruise', args: ['src', 'server', '--config', '.dependency-cruiser.json'] },
  { name: 'unit tests (fast tier)', bin: 'vitest', args: ['run', '--project', 'fast'] },
  { name: 'unit tests (slow tier)', bin: 'vitest', args: ['run', '--project', 'slow'] },
  { name: 'build', bin: 'vite', args: ['build', '--mode', 'test'] },
  { name: 'browser tests', bin: 'playwright', args: ['test'], needs: 'build' },
];

const results = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const needed = step.needs && results.find((r) => r.name === step.needs);
  if (needed && needed.status !== 'passed') {
    console.log(`– ${step.name} skipped: ${step.needs} failed`);
    results.push({ name: step.name, status: 'skipped', seconds: 0 });
    continue;
  }
  const others = step.bin === 'playwright' && !workersSet ? otherRuns() : 0;
  if (others > 0) {
    console.log(`${others} other test run(s) on this machine: one browser at a time`);
    process.env.E2E_WORKERS = '1';
  }
  const started = Date.now();
  const result = spawnSync(localBin(step.bin), step.args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    shell: isWindows,
  });
  const seconds = (Date.now() - started) / 1000;
  if (result.error) console.error(`could not run ${step.bin}: ${result.error.message}`);
  const status = result.error || result.status !== 0 ? 'failed' : 'passed';
  console.log(`${status === 'passed' ? '✓' : '✗'} ${step.name} (${seconds.toFixed(1)}s)`);
  results.push({ name: step.name, status, seconds });
}

console.log('\nSummary');
for (const r of results)
  console.log(
    `  ${r.status === 'passed' ? '✓' : r.status === 'failed' ? '✗' : '–'} ${r.name}: ${r.status}${r.status === 'skipped' ? '' : ` (${r.seconds.toFixed(1)}s)`}`,
  );
const count = (status) => results.filter((r) => r.status === status).length;
console.log(
  `\n${count('passed')} passed, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`,
);
process.exit(count('failed') + count('skipped') > 0 ? 1 : 0);
