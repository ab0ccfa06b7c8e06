#!/usr/bin/env node
// Starts Firepants for playing: installs dependencies when needed, then runs the Vite dev server.
// Node built-ins only: this must work before `npm ci` has ever run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** Path of a local binary in node_modules/.bin. */
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

function ensureDependencies() {
  if (!needsInstall()) return;
  const hasLock = existsSync(join(root, 'package-lock.json'));
  const args = hasLock ? ['ci'] : ['install'];
  console.log(`Installing dependencies (npm ${args.join(' ')})…`);
  const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) {
    console.error(`Could not run npm: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`npm ${args[0]} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function parsePort(value) {
  if (value === undefined || value === '') return 5173;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535, got "${value}".`);
    process.exit(1);
  }
  return port;
}

ensureDependencies();

const port = parsePort(process.env.PORT);
console.log(`Firepants is starting at http://127.0.0.1:${port}/`);

const child = spawn(localBin('vite'), ['--host', '127.0.0.1', '--port', String(port)], {
  cwd: root,
  stdio: 'inherit',
  shell: isWindows,
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Could not start Vite: ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  process.exit(128 + (constants.signals[signal] ?? 1));
});
