import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { INCIDENT_PHASES, type IncidentSignal, incidentMachine } from '../../src/sim';
import type { IncidentFacts, IncidentPhase } from '../../src/sim/machines/incidentMachine';
import { OPEN, INCIDENT_SIGNALS as SIGNALS } from './machineFacts';

/** The transitions the rules rely on (with every guard open): anything else must be refused. */
const ALLOWED: Record<IncidentPhase, Partial<Record<IncidentSignal['type'], IncidentPhase>>> = {
  undetected: { DETECT: 'detected' },
  detected: { PAGE: 'paged' },
  paged: { ACK: 'acknowledged', ESCALATE: 'paged' },
  acknowledged: { INVESTIGATE: 'investigating', ATTEMPT: 'acknowledged' },
  investigating: { ATTEMPT: 'investigating', MITIGATE: 'mitigated' },
  mitigated: { RESOLVE: 'resolved' },
  resolved: {},
};

const at = (phase: IncidentPhase, facts: Partial<IncidentFacts> = {}) =>
  incidentMachine.resolveState({ value: phase, context: { ...OPEN, ...facts } });

describe('incident machine', () => {
  it('the phase list is the machine’s own states, in its order', () => {
    expect(INCIDENT_PHASES).toEqual(Object.keys(ALLOWED));
  });

  it('every phase is reachable, and the shortest way to resolved is detect, page, ack, investigate, mitigate, resolve', () => {
    const paths = getShortestPaths(incidentMachine, { input: OPEN, events: SIGNALS });
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(INCIDENT_PHASES));
    const resolved = paths.find((p) => p.state.value === 'resolved');
    expect(resolved?.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'DETECT',
      'PAGE',
      'ACK',
      'INVESTIGATE',
      'MITIGATE',
      'RESOLVE',
    ]);
    expect(resolved?.state.status).toBe('done');
  });

  it('every simple path takes only allowed transitions, and every allowed move is on some path', () => {
    const paths = getSimplePaths(incidentMachine, { input: OPEN, events: SIGNALS });
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
    for (const [from, on] of Object.entries(ALLOWED))
      for (const [signal, to] of Object.entries(on)) if (to !== from) expect(taken).toContain(`${from}:${signal}`);
  });

  it('with every guard open, each signal applies exactly where the table says', () => {
    for (const phase of INCIDENT_PHASES) {
      for (const signal of SIGNALS) {
        const from = at(phase);
        const allowed = ALLOWED[phase][signal.type];
        expect(from.can(signal), `${phase} can ${signal.type}`).toBe(allowed !== undefined);
        const [to] = transition(incidentMachine, from, signal);
        expect(to.value, `${phase} + ${signal.type}`).toBe(allowed ?? phase);
      }
    }
  });

  it('the guards hold each signal back until its time has come', () => {
    expect(at('undetected', { now: 9, detectAt: 10 }).can({ type: 'DETECT' })).toBe(false);
    expect(at('undetected', { now: 10, detectAt: 10 }).can({ type: 'DETECT' })).toBe(true);
    expect(at('detected', { whoNext: () => null }).can({ type: 'PAGE' })).toBe(false);
    expect(at('paged', { now: 4, ackDueAt: 5 }).can({ type: 'ACK' })).toBe(false);
    expect(at('paged', { now: 4, ackDueAt: 5 }).can({ type: 'ACK', byPlayer: true })).toBe(true);
    expect(at('paged', { pagerHere: false }).can({ type: 'ACK', byPlayer: true })).toBe(false);
    expect(at('paged', { now: 4, escalateAt: 5 }).can({ type: 'ESCALATE' })).toBe(false);
    expect(at('paged', { now: 4, escalateAt: 5, pagerHere: false }).can({ type: 'ESCALATE' })).toBe(true);
    expect(at('paged', { pagerHere: false, whoNext: () => null }).can({ type: 'ESCALATE' })).toBe(false);
    const attempt: IncidentSignal = { type: 'ATTEMPT', action: 'restart', by: 'ada' };
    expect(at('investigating', { attemptPending: true }).can(attempt)).toBe(false);
    expect(at('investigating').can({ ...attempt, by: null })).toBe(false);
    expect(at('mitigated', { now: 29, mitigatedAt: 0 }).can({ type: 'RESOLVE' })).toBe(false);
    expect(at('mitigated', { now: 30, mitigatedAt: 0 }).can({ type: 'RESOLVE' })).toBe(true);
  });

  it('names each action after the rule that carries it out', () => {
    const [, actions] = transition(incidentMachine, at('detected'), { type: 'PAGE' });
    expect(actions.map((a) => a.type)).toEqual(['pageOnCall']);
    const [, escalation] = transition(incidentMachine, at('paged'), { type: 'ESCALATE' });
    expect(escalation.map((a) => a.type)).toEqual(['escalatePage']);
    const [, refused] = transition(incidentMachine, at('paged', { now: 0, escalateAt: 5 }), { type: 'ESCALATE' });
    expect(refused).toEqual([]);
  });

  it('resolved is final, and nothing moves it', () => {
    expect(incidentMachine.states.resolved?.type).toBe('final');
    for (const signal of SIGNALS) expect(at('resolved').can(signal)).toBe(false);
  });
});
