// Knows of the other test runs on this machine (another checkout's `npm test`, or this one's twice): each run
// leaves a file named by its process id in the system's temporary folder while it lasts. Node built-ins only.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = join(tmpdir(), 'firepants-test-runs');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error?.code === 'EPERM';
  }
}

/** Says this run is on; the file goes when it ends. */
export function announceRun() {
  mkdirSync(folder, { recursive: true });
  const mine = join(folder, String(process.pid));
  writeFileSync(mine, `${process.cwd()}\n`);
  process.on('exit', () => rmSync(mine, { force: true }));
}

/** How many other runs are on now; files left by runs that died are cleared on the way. */
export function otherRuns() {
  let others = 0;
  let names = [];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (alive(pid)) others++;
    else rmSync(join(folder, name), { force: true });
  }
  return others;
}
