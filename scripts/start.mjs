#!/usr/bin/env node
// Starts Firepants for playing: installs dependencies when needed, builds the production page when the
// build is missing or older than its sources, then serves that build (`npm run dev` is the dev server).
// Node built-ins only: this must work before `npm ci` has ever run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
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

/** The newest modification time among a file or everything under a folder (0 when absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

// `npm test` builds into the same folder with the test hook; the stamp marks a build made for playing.
const stamp = join(root, 'dist', '.production-build');
const sources = [
  'src',
  'public',
  'index.html',
  'compare.html',
  'facilitator.html',
  'rooms.html',
  'vote.html',
  'projector.html',
  'vite.config.ts',
  'package-lock.json',
].map((p) => join(root, p));
const builtAt = newest(stamp);
if (builtAt === 0 || sources.some((p) => newest(p) > builtAt)) {
  console.log(builtAt === 0 ? 'Building the game…' : 'The sources changed since the last build: building again…');
  const build = spawnSync(localBin('vite'), ['build', '--mode', 'production'], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
  });
  if (build.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

// `--rooms` serves the same build from the room server, for tables on their own devices;
// `--processes N` runs N room server processes that share a Redis (see scripts/roomsCluster.mjs).
const rooms = process.argv.includes('--rooms');
// `--host ADDRESS` listens on one address of the venue's network (and names it in the QR code); the default
// listens everywhere and names the machine's first network address.
const hostAt = process.argv.indexOf('--host');
const host = hostAt >= 0 ? process.argv[hostAt + 1] : undefined;
if (hostAt >= 0 && (!host || host.startsWith('--'))) {
  console.error('--host wants an address of this machine, e.g. --host 192.168.1.20');
  process.exit(1);
}
const port = parsePort(process.env.PORT ?? (rooms ? '2567' : undefined));
const at = process.argv.indexOf('--processes');
const processes = at >= 0 ? Number(process.argv[at + 1]) : 1;
if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
  console.error(`--processes wants a whole number from 1 to 64, got "${process.argv[at + 1]}".`);
  process.exit(1);
}
if (!rooms)
  console.log(`Firepants is starting at http://${host ?? '127.0.0.1'}:${port}/ (works offline after the first visit)`);

if (rooms && processes > 1) {
  const { startCluster } = await import('./roomsCluster.mjs');
  let children = [];
  const stopAll = (signal) => {
    for (const c of [...children].reverse()) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  try {
    if (host) process.env.PUBLIC_HOST ??= host;
    children = await startCluster({ root, processes, port });
  } catch (error) {
    console.error(`Could not start the room servers: ${error.message}`);
    stopAll('SIGTERM');
    process.exit(1);
  }
  for (const c of children)
    c.on('exit', (code) => {
      console.error(`A room server process stopped (${code ?? 'signal'}); stopping the others.`);
      stopAll('SIGTERM');
      process.exitCode = code ?? 1;
    });
} else {
  const child = rooms
    ? spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'index.ts')], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, PORT: String(port), ...(host ? { HOST: host } : {}) },
      })
    : spawn(localBin('vite'), ['preview', '--host', host ?? '127.0.0.1', '--port', String(port), '--strictPort'], {
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
    console.error(`Could not start ${rooms ? 'the room server' : 'Vite'}: ${error.message}`);
    process.exit(1);
  });

  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    process.exit(128 + (constants.signals[signal] ?? 1));
  });
}
