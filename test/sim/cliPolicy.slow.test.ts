import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/headless/cli.ts', ...args], { encoding: 'utf8' });

describe('the headless runner', () => {
  it('plays a bot brought as a module, and reports par and honest silent successes', () => {
    const r = run('--policy', 'examples/restart-everything.ts', '--weeks', '1', '--seed', '5', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.policy).toBe('examples/restart-everything.ts');
    for (const k of ['par', 'replayIncidents', 'silentSuccesses', 'silentSuccessesAttributed'])
      expect(typeof out[k]).toBe('number');
    expect(out.silentSuccesses).toBeLessThanOrEqual(Math.max(0, out.replayIncidents - out.incidents));
  });

  it('refuses a module without a policy, and a name that is neither, with a message and exit 2', () => {
    const none = run('--policy', 'package.json', '--weeks', '1');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/policy/);
    const bogus = run('--policy', 'toString', '--weeks', '1');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/no policy "toString"/);
  });

  it('compares policies per seed in JSON', () => {
    const r = run('--compare', '--policies', 'baseline,careful', '--seeds', '2', '--weeks', '1', '--json');
    expect(r.status).toBe(0);
    const table = JSON.parse(r.stdout);
    const base = table.policies.find((p: { policy: string }) => p.policy === 'baseline');
    expect(base.perSeed).toHaveLength(2);
    expect(Object.keys(base.perSeed[0]).sort()).toEqual(
      ['incidents', 'par', 'replayIncidents', 'score', 'seed', 'silentSuccesses', 'silentSuccessesAttributed'].sort(),
    );
    expect(base.perSeed.every((row: { silentSuccesses: number }) => row.silentSuccesses === 0)).toBe(true);
  });
});
