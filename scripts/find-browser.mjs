#!/usr/bin/env node
// Finds a Chromium for the browser tests. Usable as a module (`findChromium()`) or as a CLI (prints the path).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args, env = process.env) {
  // Child output goes to stderr so that the CLI's stdout is only the path.
  const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], env });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed (exit code ${result.status})`);
}

/** Returns the path of a Chromium executable, installing Debian's package as a last resort when root. */
export async function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file exists there. Fix or unset CHROMIUM_PATH.`);
    }
    return fromEnv;
  }

  const bundled = await playwrightChromium();
  if (bundled) return bundled;

  for (const path of SYSTEM_PATHS) {
    if (isExecutable(path)) return path;
  }

  if (install && process.platform === 'linux' && process.getuid?.() === 0 && commandExists('apt-get')) {
    console.error('No Chromium found; installing Debian/Ubuntu package "chromium" with apt-get…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    throw new Error('apt-get installed "chromium", but /usr/bin/chromium does not exist.');
  }

  throw new Error(
    [
      'No Chromium browser found for the browser tests. Either:',
      '  • run `npx playwright install chromium` (needs internet access), or',
      '  • install Chromium or Google Chrome with your package manager, or',
      '  • point CHROMIUM_PATH at an existing Chromium/Chrome executable, e.g.',
      '      CHROMIUM_PATH=/path/to/chrome npm test',
      `Looked in: Playwright's browser cache, ${SYSTEM_PATHS.join(', ')}.`,
    ].join('\n'),
  );
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    console.log(await findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
