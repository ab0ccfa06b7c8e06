#!/usr/bin/env node
// Starts Firepants for playing: installs dependencies when needed, then runs the Vite dev server.
// Node built-ins only: this must work before `npm ci` has ever run.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ensureDependencies, isWindows, localBin, root } from './dependencies.mjs';

const problem = ensureDependencies((how) => console.log(`Installing dependencies (${how})…`));
if (problem) {
  console.error(problem);
  process.exit(1);
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
