import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { RETRO_STEPS, retroMachine } from '../../src/sim';
import { nextRetroPhase, type RetroSignal } from '../../src/sim/machines/retroMachine';
import type { RetroPhase } from '../../src/sim/model/types';

describe('retro machine', () => {
  it('walks every step in the documented order, one path only', () => {
    const simple = getSimplePaths(retroMachine);
    expect(simple.map((p) => p.state.value).sort()).toEqual([...RETRO_STEPS].sort());
    const longest = simple.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    expect(longest.steps.map((s) => s.state.value)).toEqual(RETRO_STEPS);
    expect(longest.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'NEXT',
      'NEXT',
      'NEXT',
      'NEXT',
      'NEXT',
      'PUBLISH',
    ]);
  });

  it('published is reachable and final', () => {
    const shortest = getShortestPaths(retroMachine);
    const published = shortest.find((p) => p.state.value === 'published');
    expect(published?.state.status).toBe('done');
    for (const p of shortest) expect(p.state.status === 'done').toBe(p.state.value === 'published');
  });

  it('ignores signals that do not apply', () => {
    const signals: RetroSignal[] = [{ type: 'NEXT' }, { type: 'PUBLISH' }];
    for (const [i, phase] of RETRO_STEPS.entries()) {
      for (const signal of signals) {
        const expected: RetroPhase =
          (phase === 'actions' && signal.type === 'PUBLISH') ||
          (phase !== 'actions' && phase !== 'published' && signal.type === 'NEXT')
            ? (RETRO_STEPS[i + 1] as RetroPhase)
            : phase;
        expect(nextRetroPhase(phase, signal), `${phase} + ${signal.type}`).toBe(expected);
      }
    }
  });
});
