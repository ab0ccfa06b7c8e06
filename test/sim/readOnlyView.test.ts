import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, onCall, policies, runRound, stateHash } from '../../src/sim';
import { readOnlyView } from '../../src/sim/readOnlyView';
import { scenario } from './fixtures';

const played = () =>
  runRound(scenario('platform'), { seed: 8, weeks: 1, policy: policies.baseline!, until: 3 * MINUTES_PER_DAY });

describe('a read-only view of the world', () => {
  it('reads like the world: a bot decides the same through it', () => {
    const state = played();
    const view = readOnlyView(state);
    for (const name of ['baseline', 'learning-first', 'careful'] as const) {
      const bot = policies[name];
      if (!bot) continue;
      expect(bot(view), name).toEqual(bot(state));
    }
    const team = state.teamOrder[0] ?? '';
    expect(onCall(view, team, state.now).primary?.id).toBe(onCall(state, team, state.now).primary?.id);
    expect(readOnlyView(state.engineers)).toBe(view.engineers);
  });

  it('refuses every change, naming what was touched, and the world stays as it was', () => {
    const state = played();
    const before = stateHash(state);
    const view = readOnlyView(state) as unknown as Record<string, unknown> & typeof state;
    expect(() => {
      view.customerTrust = 1;
    }).toThrow(/tried to change "customerTrust"; send a command instead/);
    expect(() => view.engineerOrder.push('mallory')).toThrow(/a policy may only look at the world/);
    expect(() => {
      delete view.teams[state.teamOrder[0] ?? ''];
    }).toThrow(/tried to change/);
    const first = view.engineers[state.engineerOrder[0] ?? ''];
    expect(() => {
      if (first) first.fatigue = 0;
    }).toThrow(/tried to change "fatigue"/);
    expect(stateHash(state)).toBe(before);
  });

  it('stops a bot module that meddles with the world, with a message and a failing exit', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/headless/cli.ts', '--policy', 'test/fixtures/meddling-bot.ts', '--weeks', '1'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tried to change "customerTrust"; send a command instead/);
    expect(r.stdout).toBe('');
  });
});
