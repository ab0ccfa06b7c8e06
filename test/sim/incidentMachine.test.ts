import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { incidentMachine } from '../../src/sim';
import { canSignal, type IncidentSignal, nextIncidentPhase } from '../../src/sim/machines/incidentMachine';
import type { IncidentPhase } from '../../src/sim/model/types';

const PHASES: IncidentPhase[] = [
  'undetected',
  'detected',
  'paged',
  'acknowledged',
  'investigating',
  'mitigated',
  'resolved',
];
const SIGNALS: IncidentSignal['type'][] = [
  'DETECT',
  'PAGE',
  'ESCALATE',
  'ACK',
  'INVESTIGATE',
  'MITIGATE',
  'RELAPSE',
  'RESOLVE',
];

/** The transitions the rules rely on: anything else must be ignored. */
const ALLOWED: Record<IncidentPhase, Partial<Record<IncidentSignal['type'], IncidentPhase>>> = {
  undetected: { DETECT: 'detected' },
  detected: { PAGE: 'paged' },
  paged: { ACK: 'acknowledged', ESCALATE: 'paged' },
  acknowledged: { INVESTIGATE: 'investigating', MITIGATE: 'mitigated' },
  investigating: { MITIGATE: 'mitigated' },
  mitigated: { RESOLVE: 'resolved', RELAPSE: 'investigating' },
  resolved: {},
};

describe('incident machine', () => {
  it('every phase is reachable, by a shortest path that replays on a real actor', () => {
    const paths = getShortestPaths(incidentMachine);
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(PHASES));
    for (const path of paths) {
      const actor = createActor(incidentMachine).start();
      for (const step of path.steps.slice(1)) actor.send(step.event);
      expect(actor.getSnapshot().value).toBe(path.state.value);
      actor.stop();
    }
    const resolved = paths.find((p) => p.state.value === 'resolved');
    expect(resolved?.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'DETECT',
      'PAGE',
      'ACK',
      'MITIGATE',
      'RESOLVE',
    ]);
  });

  it('resolved is final, and the only final phase', () => {
    const paths = getSimplePaths(incidentMachine);
    for (const p of paths) {
      expect(p.state.status === 'done', String(p.state.value)).toBe(p.state.value === 'resolved');
    }
    expect(paths.some((p) => p.state.value === 'resolved' && p.state.status === 'done')).toBe(true);
    expect(incidentMachine.states.resolved?.type).toBe('final');
  });

  it('every simple path only ever takes allowed transitions, and all of them are taken', () => {
    const paths = getSimplePaths(incidentMachine);
    const taken = new Set<string>();
    for (const path of paths) {
      let from: IncidentPhase = 'undetected';
      for (const step of path.steps.slice(1)) {
        const to = step.state.value as IncidentPhase;
        expect(ALLOWED[from][step.event.type], `${from} --${step.event.type}-->`).toBe(to);
        taken.add(`${from}:${step.event.type}`);
        from = to;
      }
    }
    const all = Object.entries(ALLOWED).flatMap(([from, on]) =>
      Object.keys(on)
        .filter((signal) => on[signal as IncidentSignal['type']] !== from)
        .map((signal) => `${from}:${signal}`),
    );
    for (const t of all) expect(taken, t).toContain(t);
  });

  it('a relapse sends a mitigated incident back to investigating, and it can still be resolved', () => {
    const paths = getSimplePaths(incidentMachine);
    const relapsed = paths.find((p) => p.steps.some((s) => s.event.type === 'RELAPSE'));
    expect(relapsed).toBeDefined();
    let phase: IncidentPhase = 'mitigated';
    phase = nextIncidentPhase(phase, { type: 'RELAPSE' });
    expect(phase).toBe('investigating');
    phase = nextIncidentPhase(phase, { type: 'MITIGATE' });
    phase = nextIncidentPhase(phase, { type: 'RESOLVE' });
    expect(phase).toBe('resolved');
  });

  it('nextIncidentPhase follows the machine and ignores signals that do not apply', () => {
    for (const phase of PHASES) {
      for (const signal of SIGNALS) {
        const expected = ALLOWED[phase][signal] ?? phase;
        expect(nextIncidentPhase(phase, { type: signal }), `${phase} + ${signal}`).toBe(expected);
        expect(canSignal(phase, { type: signal }), `${phase} can ${signal}`).toBe(ALLOWED[phase][signal] !== undefined);
      }
    }
  });

  it('nothing moves a resolved incident', () => {
    for (const signal of SIGNALS) expect(nextIncidentPhase('resolved', { type: signal })).toBe('resolved');
  });
});
