#!/usr/bin/env node
// Runs every check in order: type-check, lint, unit tests, build, browser tests. Stops at the first failure.
// Node built-ins only until dependencies are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function localBin(name) {
  return join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
}

/** True when node_modules is missing or older than package-lock.json. */
function needsInstall() {
  if (!existsSync(localBin('vite'))) return true;
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(lock)) return false;
  if (!existsSync(installed)) return true;
  return statSync(lock).mtimeMs > statSync(installed).mtimeMs;
}

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function ensureDependencies() {
  if (!needsInstall()) return;
  const hasLock = existsSync(join(root, 'package-lock.json'));
  const args = hasLock ? ['ci'] : ['install'];
  console.log(`▶ install dependencies (npm ${args.join(' ')})`);
  const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) fail(`install failed: could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail('install failed');
}

ensureDependencies();

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
