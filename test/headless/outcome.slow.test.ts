import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function simJson(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['src/headless/cli.ts', ...args, '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('the headless JSON says how the round ended', () => {
  it('lost, with the reason and the minute, when nobody answers and customers stop trusting', () => {
    const r = simJson('--policy', 'do-nothing', '--weeks', '4', '--seed', '1');
    expect(r.outcome).toBe('lost');
    expect(r.outcomeReason).toMatch(/^Customers lost their trust \(down to \d+%, below 25%\)/);
    expect(r.lostAt).toEqual(expect.any(Number));
    expect(r.lostAt as number).toBeLessThan(4 * 7 * 1440);
    // The JSON rounds trust to two places; the loss itself was below 25%.
    expect(r.customerTrust as number).toBeLessThanOrEqual(0.25);
  });

  it('won when the round is survived with a score above par, saying both', () => {
    const r = simJson('--policy', 'learning-first', '--weeks', '2', '--scenario', 'startup', '--seed', '1');
    expect(r.outcome).toBe('won');
    expect(r.score as number).toBeGreaterThan(r.par as number);
    expect(r.outcomeReason).toContain(`${r.score} against par ${r.par}`);
    expect(r.lostAt).toBeNull();
  });

  it('survived, not won, when the score does not beat par', () => {
    const r = simJson('--policy', 'baseline', '--weeks', '1', '--scenario', 'startup', '--seed', '1');
    expect(r.outcome).toBe('survived');
    expect(r.score).toBe(r.par);
    expect(r.outcomeReason).toMatch(/learned no more than a team that never learns/);
  });
});
