import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { type ScreenFlowEvent, type ScreenPhase, screenFlowMachine } from '../../src/app/screenFlow';

const PHASES: ScreenPhase[] = ['menu', 'setup', 'playing', 'paused', 'retro', 'report'];

describe('game flow machine', () => {
  it('every screen is reachable from the menu, by paths that replay on a real actor', () => {
    const paths = getShortestPaths(screenFlowMachine);
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(PHASES));
    for (const path of getSimplePaths(screenFlowMachine)) {
      const actor = createActor(screenFlowMachine).start();
      for (const step of path.steps.slice(1)) {
        actor.send(step.event);
        expect(actor.getSnapshot().value).toBe(step.state.value);
      }
      actor.stop();
    }
  });

  it('the game never ends by itself: every screen leads back to the menu', () => {
    for (const phase of PHASES) {
      const start = screenFlowMachine.resolveState({ value: phase, context: {} });
      const paths = getShortestPaths(screenFlowMachine, { fromState: start });
      for (const p of paths) expect(p.steps[0]?.state.value, phase).toBe(phase);
      const home = paths.find((p) => p.state.value === 'menu');
      expect(home, phase).toBeDefined();
      if (phase !== 'menu') expect(home?.steps.length, phase).toBeGreaterThan(1);
      expect(start.status).toBe('active');
    }
  });

  it('a round can reach the report from play, pause and a retro, and a retro returns to pause', () => {
    const send = (from: ScreenPhase, event: ScreenFlowEvent) => {
      const actor = createActor(screenFlowMachine, {
        snapshot: screenFlowMachine.resolveState({ value: from, context: {} }),
      }).start();
      actor.send(event);
      return actor.getSnapshot().value;
    };
    for (const from of ['playing', 'paused', 'retro'] as const)
      expect(send(from, { type: 'ROUND_OVER' })).toBe('report');
    expect(send('retro', { type: 'CLOSE_RETRO' })).toBe('paused');
    expect(send('menu', { type: 'START' })).toBe('menu');
    expect(send('report', { type: 'PAUSE' })).toBe('report');
  });
});
