// Installs dependencies when they are missing or older than the lock file. Node built-ins only:
// this runs before `npm ci` ever has.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const isWindows = process.platform === 'win32';

/** Path of a local binary in node_modules/.bin. */
export function localBin(name) {
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

/** Runs `npm ci` (or `npm install` without a lock file) when needed; returns an error message or null. */
export function ensureDependencies(announce) {
  if (!needsInstall()) return null;
  const args = existsSync(join(root, 'package-lock.json')) ? ['ci'] : ['install'];
  announce(`npm ${args.join(' ')}`);
  const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) return `could not run npm: ${result.error.message}`;
  if (result.status !== 0) return `npm ${args[0]} failed (exit code ${result.status ?? result.signal})`;
  return null;
}
