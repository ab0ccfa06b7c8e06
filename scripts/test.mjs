#!/usr/bin/env node
// Runs every check in order: type-check, lint, unit tests, build, browser tests. Stops at the first failure.
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

const steps = [
  { name: 'type-check', bin: 'tsc', args: ['--noEmit'] },
  { name: 'lint', bin: 'biome', args: ['check', '.'] },
  { name: 'unit tests', bin: 'vitest', args: ['run'] },
  { name: 'build', bin: 'vite', args: ['build', '--mode', 'test'] },
  { name: 'browser tests', bin: 'playwright', args: ['test'] },
];

let passed = 0;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const result = spawnSync(localBin(step.bin), step.args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    shell: isWindows,
  });
  if (result.error) console.error(`could not run ${step.bin}: ${result.error.message}`);
  if (result.error || result.status !== 0) fail(`${step.name} failed`);
  passed += 1;
  console.log(`✓ ${step.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

console.log(`\n${passed} passed, 0 failed`);
