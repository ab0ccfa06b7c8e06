import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Command, stateHash } from '../../src/sim';
import { type InputLog, isCommandEntry } from '../../src/sim/inputLog';
import { parseLogText, readLog, replayLog } from '../../src/sim/logReplay';
import { learningFirst } from '../../src/sim/policies';
import { adversarialPolicies } from '../../src/sim/policies/adversarial';
import { logOf, playRound } from '../../src/sim/runRound';
import { scenario } from './fixtures';

const platform = scenario('platform');
/** An outside fire on one of the service's own weaknesses (its first). */
const fire = (at: number, service: string): { at: number; command: Command } => ({
  at,
  command: {
    type: 'injectIncident',
    service,
    kind: platform.services.find((s) => s.id === service)?.conditions[0]?.kind ?? 'capacity',
  },
});

function played(policy = learningFirst, seed = 3): InputLog {
  const options = { seed, weeks: 1 };
  const round = playRound(platform, {
    ...options,
    policy,
    setup: [{ type: 'setOwnership', model: 'hybrid' }],
    inputs: [fire(600, platform.services[1]?.id ?? '')],
  });
  return logOf(platform, options, round, 'test');
}

describe('the input log', () => {
  it('replays a round to the same world, bit for bit, with set-up, outside fires and the bot', () => {
    const log = played();
    expect(log.entries.length).toBeGreaterThan(10);
    expect(log.entries[0]).toMatchObject({ at: 0, by: 'setup' });
    expect(log.entries.some((e) => e.by === 'facilitator')).toBe(true);
    const again = replayLog(log);
    expect(again.ok && stateHash(again.state)).toBe(log.stateHash);
  });

  it('replays a bot that sets its own fires and games the score', () => {
    const bot = adversarialPolicies['inject-and-review'];
    if (!bot) throw new Error('missing bot');
    const log = played(bot, 8);
    expect(log.entries.filter(isCommandEntry).some((e) => e.command.type === 'injectIncident')).toBe(true);
    const again = replayLog(log);
    expect(again.ok && stateHash(again.state)).toBe(log.stateHash);
  });

  it('travels to a minute: replaying to minute m gives the world at m, and going on from there the same end', () => {
    const log = played();
    const mid = replayLog(log, 3000);
    if (!mid.ok) throw new Error(mid.problem);
    expect(mid.state.now).toBe(3000);
    const started = mid.state.incidentOrder.filter((id) => !mid.state.incidents[id]?.prior);
    const full = replayLog(log);
    if (!full.ok) throw new Error(full.problem);
    const early = full.state.incidentOrder.filter((id) => (full.state.incidents[id]?.startedAt ?? 0) <= 3000);
    expect(started).toEqual(early.filter((id) => !full.state.incidents[id]?.prior));
  });

  it('survives a JSON round trip', () => {
    const log = played();
    const read = parseLogText(JSON.stringify(log));
    if (!read.ok) throw new Error(read.problem);
    const again = replayLog(read.log);
    expect(again.ok && stateHash(again.state)).toBe(log.stateHash);
  });

  it('names the bad entry: unknown command, bad field, bad minute, out of order', () => {
    const log = played();
    const broken = (i: number, entry: unknown) => {
      const copy = structuredClone(log) as unknown as { entries: unknown[] };
      copy.entries[i] = entry;
      const r = readLog(copy);
      return r.ok ? 'ok' : r.problem;
    };
    expect(broken(2, { at: 5, by: 'bot', command: { type: 'explode' } })).toMatch(
      /^entries\[2\]\.command: unknown command "explode"/,
    );
    expect(broken(3, { at: 5, by: 'bot', command: { type: 'mitigate', incident: 'x', action: 'pray' } })).toMatch(
      /^entries\[3\]\.command: mitigate: bad action/,
    );
    expect(broken(1, { at: -1, command: { type: 'postStatus', incident: 'x' } })).toMatch(/^entries\[1\]\.at must be/);
    expect(broken(1, { at: 999_999, by: 'bot', command: { type: 'postStatus', incident: 'x' } })).toMatch(
      /^entries\[2\] is at minute \d+, before the entry ahead of it/,
    );
    expect(broken(1, null)).toMatch(/^entries\[1\] is not an object/);
    expect(readLog({ ...log, logVersion: 7 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/logVersion/),
    });
    expect(parseLogText(`${'['.repeat(5000)}`)).toMatchObject({ ok: false, problem: expect.stringMatching(/nested/) });
  });

  it('names an entry the world refuses', () => {
    const log = played();
    const i = log.entries.findIndex((e) => e.at > 100);
    log.entries.splice(i, 0, {
      at: log.entries[i]?.at ?? 100,
      by: 'player',
      command: { type: 'acknowledge', incident: 'nope' },
    });
    const r = replayLog(log);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(
      new RegExp(`^entries\\[${i}\\] \\(minute \\d+, acknowledge\\) was refused: no incident "nope"`),
    );
  });
});

describe('the runner writes and replays logs', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/headless/cli.ts', ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'firepants-log-'));

  it('prints the same stateHash from --replay as from the round that wrote it', () => {
    const file = join(dir, 'run.json');
    const first = run('--seed', '42', '--weeks', '1', '--policy', 'learning-first', '--log', file, '--json');
    expect(first.status).toBe(0);
    const second = run('--replay', file, '--json');
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout).stateHash).toBe(JSON.parse(first.stdout).stateHash);
    expect(JSON.parse(second.stdout).score).toBe(JSON.parse(first.stdout).score);
  });

  it('refuses a log with a bad entry, naming it, with exit 2', () => {
    const file = join(dir, 'run.json');
    run('--seed', '42', '--weeks', '1', '--policy', 'learning-first', '--log', file);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    log.entries[4].command.type = 'setOnFire';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(log));
    const r = run('--replay', bad, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/entries\[4\]\.command: unknown command "setOnFire"/);
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.seed = 43;
    writeFileSync(bad, JSON.stringify(edited));
    const other = run('--replay', bad);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/does not replay|different world/);
    expect(run('--replay', join(dir, 'missing.json')).status).toBe(2);
  });
});
