import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { RETRO_STEPS, type RetroSignal, retroMachine } from '../../src/sim';
import type { RetroFacts, RetroPhase } from '../../src/sim/machines/retroMachine';

const DONE: RetroFacts = { interviewed: true, framed: true };
/** A retro as it is scheduled: nothing chosen yet. */
const FRESH: RetroFacts = { interviewed: false, framed: false };

/** Every signal a retro can be sent: leaving each step by name, and each step's choice. */
const SIGNALS: RetroSignal[] = [
  ...RETRO_STEPS.map((from): RetroSignal => ({ type: 'NEXT', from })),
  { type: 'INTERVIEW', depth: 'deep', facilitator: 'hana' },
  { type: 'FRAME', framing: 'blameless', blamed: null },
  { type: 'PUBLISH', share: true },
];

const at = (phase: RetroPhase, facts: Partial<RetroFacts> = {}) =>
  retroMachine.resolveState({ value: phase, context: { ...DONE, ...facts } });

describe('retro machine', () => {
  it('the step list is the machine’s own states, in the order it walks them', () => {
    expect(RETRO_STEPS).toEqual(['scheduled', 'timeline', 'interviews', 'framing', 'factors', 'actions', 'published']);
    const simple = getSimplePaths(retroMachine, { input: FRESH, events: SIGNALS });
    const longest = simple.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    expect(longest.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'NEXT',
      'NEXT',
      'INTERVIEW',
      'NEXT',
      'FRAME',
      'NEXT',
      'NEXT',
      'PUBLISH',
    ]);
    const walked = longest.steps.map((s) => s.state.value).filter((v, i, all) => v !== all[i - 1]);
    expect(walked).toEqual(RETRO_STEPS);
  });

  it('published is reachable and final, and the only final step', () => {
    const shortest = getShortestPaths(retroMachine, { input: FRESH, events: SIGNALS });
    expect(new Set(shortest.map((p) => p.state.value))).toEqual(new Set(RETRO_STEPS));
    for (const p of shortest) expect(p.state.status === 'done').toBe(p.state.value === 'published');
  });

  it('a step is left only by naming it: a stale NEXT changes nothing', () => {
    for (const [i, phase] of RETRO_STEPS.entries()) {
      for (const from of RETRO_STEPS) {
        const signal: RetroSignal = { type: 'NEXT', from };
        const moves = from === phase && phase !== 'actions' && phase !== 'published';
        expect(at(phase).can(signal), `${phase} + NEXT from ${from}`).toBe(moves);
        const [to] = transition(retroMachine, at(phase), signal);
        expect(to.value).toBe(moves ? RETRO_STEPS[i + 1] : phase);
      }
    }
  });

  it('interviews need an interview and framing needs a framing before they can be left', () => {
    expect(at('interviews', { interviewed: false }).can({ type: 'NEXT', from: 'interviews' })).toBe(false);
    expect(at('interviews', { interviewed: true }).can({ type: 'NEXT', from: 'interviews' })).toBe(true);
    expect(at('framing', { framed: false }).can({ type: 'NEXT', from: 'framing' })).toBe(false);
    expect(at('framing', { framed: true }).can({ type: 'NEXT', from: 'framing' })).toBe(true);
  });

  it('each choice is taken once, and only in its own step', () => {
    const interview: RetroSignal = { type: 'INTERVIEW', depth: 'quick', facilitator: 'hana' };
    const frame: RetroSignal = { type: 'FRAME', framing: 'blameless', blamed: null };
    for (const phase of RETRO_STEPS) {
      expect(at(phase, { interviewed: false }).can(interview)).toBe(phase === 'interviews');
      expect(at(phase, { framed: false }).can(frame)).toBe(phase === 'framing');
      expect(at(phase).can({ type: 'PUBLISH', share: false })).toBe(phase === 'actions');
    }
    expect(at('interviews', { interviewed: true }).can(interview)).toBe(false);
    expect(at('framing', { framed: true }).can(frame)).toBe(false);
  });

  it('names each action after the rule that carries it out', () => {
    const names = (phase: RetroPhase, signal: RetroSignal, facts: Partial<RetroFacts> = {}) =>
      transition(retroMachine, at(phase, facts), signal)[1].map((a) => a.type);
    expect(names('scheduled', { type: 'NEXT', from: 'scheduled' })).toEqual(['stepRetro']);
    expect(names('interviews', { type: 'INTERVIEW', depth: 'deep', facilitator: 'x' }, { interviewed: false })).toEqual(
      ['interview'],
    );
    expect(names('framing', { type: 'FRAME', framing: 'blame', blamed: 'x' }, { framed: false })).toEqual([
      'frameRetro',
    ]);
    expect(names('actions', { type: 'PUBLISH', share: true })).toEqual(['publishRetro']);
  });
});
