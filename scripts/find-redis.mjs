#!/usr/bin/env node
// Finds a redis-server for several room processes (their tests, the launcher, the load bench). Usable as a module
// (`findRedis()`) or as a CLI (prints the path). As a last resort, as root (or with sudo) on Debian or Ubuntu, it
// installs the distribution's package "redis-server".
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const PATHS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

const works = (path) => Boolean(path) && spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0;
const has = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

function aptGet(args, sudo) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, rest] = sudo
    ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]]
    : ['apt-get', args];
  // Output goes to stderr, so that the CLI's stdout is only the path.
  return spawnSync(command, rest, { stdio: ['ignore', 2, 2], env }).status === 0;
}

/** The path of a redis-server, or null when there is none and none could be installed (then say so and go on). */
export function findRedis({ install = true } = {}) {
  const known = [process.env.REDIS_SERVER, ...PATHS].find(works);
  if (known) return known;
  if (works('redis-server')) return 'redis-server';
  if (!install || process.platform !== 'linux' || !has('apt-get')) return null;
  const root = process.getuid?.() === 0;
  const sudo = !root && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!root && !sudo) return null;
  console.error('No redis-server found; installing Debian/Ubuntu package "redis-server" with apt-get…');
  if (!aptGet(['update', '-qq'], sudo) || !aptGet(['install', '-y', '-qq', 'redis-server'], sudo)) return null;
  return PATHS.find(works) ?? null;
}

function isMain() {
  try {
    return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const path = findRedis();
  if (!path) {
    console.error('No redis-server, and no root or sudo to install it (apt-get install redis-server).');
    process.exit(1);
  }
  console.log(path);
}
