/**
 * The simulator against an earlier version of itself, on this machine, in the same run:
 * `npm run bench -- --against <git ref>` checks the ref out beside this one, then times both,
 * alternating, each in a fresh process. Ratios above 1 mean this version is slower.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SpeedFigures } from './simSpeed';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = 3;

function measureIn(simDir: string): SpeedFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/simSpeed.ts'), simDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SpeedFigures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export function benchAgainst(ref: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'firepants-bench-'));
  try {
    execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const ours: SpeedFigures[] = [];
    const theirs: SpeedFigures[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      theirs.push(measureIn(join(dir, 'src/sim')));
      ours.push(measureIn(join(ROOT, 'src/sim')));
    }
    const ratios: Record<string, number> = {};
    console.log(`\nThis simulator against ${ref} (median of ${ROUNDS} alternating runs, fresh process each):`);
    for (const key of ['bareMs', 'baselineMs', 'learningFirstMs'] as const) {
      const a = median(ours.map((f) => f[key]));
      const b = median(theirs.map((f) => f[key]));
      ratios[key] = Math.round((a / b) * 100) / 100;
      console.log(
        `  ${key.padEnd(16)} ${a.toFixed(0).padStart(6)} ms vs ${b.toFixed(0).padStart(6)} ms  ×${ratios[key]}`,
      );
    }
    return ratios;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}
