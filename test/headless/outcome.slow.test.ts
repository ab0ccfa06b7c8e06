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

describe('the headless JSON says how the round ended, first', () => {
  it('lost leads: the outcome, the reason, the minute and what would have prevented it come before anything else', () => {
    const r = simJson('--policy', 'do-nothing', '--weeks', '4', '--seed', '1');
    expect(Object.keys(r).slice(0, 5)).toEqual([
      'outcome',
      'outcomeReason',
      'lostBecause',
      'lostAt',
      'wouldHavePrevented',
    ]);
    expect(r.outcome).toBe('lost');
    expect(r.lostBecause).toBe('trust');
    expect(r.outcomeReason).toMatch(/^Customers lost their trust \(down to \d+%, below 25%\)/);
    expect(r.lostAt).toEqual(expect.any(Number));
    expect(r.lostAt as number).toBeLessThan(4 * 7 * 1440);
    // Nobody answered anything: the first thing that would have prevented it is answering and fixing.
    expect((r.wouldHavePrevented as string[])[0]).toMatch(
      /^Answer the pages and apply a fix: \d+ of \d+ incidents? (was|were) never mitigated/,
    );
    // The JSON rounds trust to three places; the loss itself was below 25%.
    expect(r.customerTrust as number).toBeLessThanOrEqual(0.25);
    // Weeks never played are not listed as quiet ones.
    const weeksPlayed = Math.floor((r.lostAt as number) / (7 * 1440)) + 1;
    expect((r.incidentsByWeek as number[]).length).toBe(weeksPlayed);
  });

  it('learned when the round is survived above par with items closed on real weaknesses, saying both', () => {
    const r = simJson('--policy', 'learning-first', '--weeks', '2', '--scenario', 'startup', '--seed', '1');
    expect(r.outcome).toBe('learned');
    expect(r.score as number).toBeGreaterThan(r.par as number);
    expect(r.itemsClosedOnRealWeaknesses as number).toBeGreaterThan(0);
    expect(r.outcomeReason).toContain(`${r.itemsClosedOnRealWeaknesses} items closed on real weaknesses`);
    expect(r.outcomeReason).toContain(`${r.score} against par ${r.par}`);
    expect(r.lostAt).toBeNull();
    expect(r.wouldHavePrevented).toEqual([]);
  });

  it('held the line when a team that never holds a retro beats par: said plainly, with the numbers', () => {
    const r = simJson('--policy', 'careful', '--weeks', '2', '--seed', '3');
    expect(r.outcome).toBe('held-the-line');
    expect(r.score as number).toBeGreaterThan(r.par as number);
    expect(r.actionItemsClosed).toBe(0);
    expect(r.silentSuccessesAttributed).toBe(0);
    expect(r.outcomeReason).toContain('closed no item on a real weakness and prevented no incident');
    expect(r.outcomeReason).toContain(`${r.incidents} incidents against the replay's ${r.replayIncidents}`);
  });

  it('survived, not learned, when the score does not beat par', () => {
    const r = simJson('--policy', 'baseline', '--weeks', '1', '--scenario', 'startup', '--seed', '1');
    expect(r.outcome).toBe('survived');
    expect(r.score).toBe(r.par);
    expect(r.outcomeReason).toMatch(/scored no better than the team that never learns/);
  });
});
