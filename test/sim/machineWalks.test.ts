import { getShortestPaths, type StatePath } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import {
  allEventsOf,
  createSimulationFromState,
  type IncidentSignal,
  incidentMachine,
  RETRO_STEPS,
  type RetroSignal,
  retroMachine,
  type Simulation,
} from '../../src/sim';
import { workingRemedies } from '../../src/sim/rules/incident';
import { advanceUntil, lastIncident, must, ok, scheduledRetro, world } from './fixtures';
import { INCIDENT_SIGNALS, OPEN } from './machineFacts';

/**
 * Model-based tests: @xstate/graph walks each machine (every state by its shortest path, and every
 * transition that stays put), and for each path the *simulation* is driven along it from a fresh
 * world with commands and minutes, checking the record's phase after every step.
 */

const RETRO_SIGNALS: RetroSignal[] = [
  ...RETRO_STEPS.map((from): RetroSignal => ({ type: 'NEXT', from })),
  { type: 'INTERVIEW', depth: 'deep', facilitator: 'hana' },
  { type: 'FRAME', framing: 'blameless', blamed: null },
  { type: 'PUBLISH', share: true },
];

/** A walk: the signals in order, each with the state the machine is in after it. */
type Walk<E> = { target: string; events: E[]; states: string[] };

/** Every state by its shortest path, plus each path extended by the transitions that keep the state. */
function walks<E extends EventObject>(paths: StatePath<AnyMachineSnapshot, E>[], signals: E[]): Walk<E>[] {
  const out = new Map<string, Walk<E>>();
  const add = (w: Walk<E>) => out.set(w.events.map((e) => JSON.stringify(e)).join(), w);
  for (const p of paths) {
    const events = p.steps.slice(1).map((s) => s.event);
    const states = p.steps.slice(1).map((s) => String(s.state.value));
    const target = String(p.state.value);
    add({ target, events, states });
    for (const type of stayingSignals(p.state.machine, target)) {
      const signal = must(signals.find((e) => e.type === type));
      if (p.state.can(signal)) add({ target, events: [...events, signal], states: [...states, target] });
    }
  }
  return [...out.values()];
}

/** The signals a state answers without leaving it (a re-entry or a transition with no target). */
function stayingSignals(machine: AnyStateMachine, state: string): string[] {
  const node = must(machine.root.states[state]);
  return Object.entries(node.on)
    .filter(([, ts]) => ts.some((t) => !t.target || t.target.every((n) => n === node)))
    .map(([type]) => type);
}

const phaseOf = (s: Simulation, incident: string) => must(s.snapshot().incidents[incident]).phase;
const count = (s: Simulation, incident: string, type: string) =>
  allEventsOf(s.snapshot()).filter((e) => e.type === type && 'incident' in e && e.incident === incident).length;

/** A fresh world with a fire on Pantry DB: nobody left at all, a night nobody answers, or a plain Tuesday. */
function incidentWorld(events: IncidentSignal[]): { s: Simulation; incident: string } {
  const alone = events.at(-1)?.type === 'DETECT';
  const night = events.some((e) => e.type === 'ESCALATE');
  const w = world(night ? 5 : 3);
  if (alone) for (const e of Object.values(w.engineers)) Object.assign(e, { status: 'left', leftAt: 0 });
  // Nobody answers the round's own fires here (and in one walk everyone is gone), so the round would be lost:
  // these walks look at one incident, not the round.
  const s = createSimulationFromState(w, false);
  s.advance(24 * 60 + (night ? 1 : 9) * 60);
  ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
  return { s, incident: lastIncident(s.snapshot()).id };
}

function fix(s: Simulation, incident: string): void {
  const inc = must(s.snapshot().incidents[incident]);
  if (inc.attempts.some((a) => a.outcome === 'pending')) return;
  ok(s, { type: 'mitigate', incident, action: must(workingRemedies(inc)[0]) });
}

const driveIncident: Record<IncidentSignal['type'], (s: Simulation, incident: string) => void> = {
  DETECT: (s, i) => advanceUntil(s, (snap) => snap.incidents[i]?.detectedAt !== null, 200),
  PAGE: (s, i) => advanceUntil(s, () => phaseOf(s, i) === 'paged', 2),
  ESCALATE: (s, i) => {
    const before = count(s, i, 'escalated');
    advanceUntil(s, () => count(s, i, 'escalated') > before || phaseOf(s, i) !== 'paged', 60);
    expect(count(s, i, 'escalated'), 'the page timed out and moved on').toBe(before + 1);
  },
  ACK: (s, i) => ok(s, { type: 'acknowledge', incident: i }),
  INVESTIGATE: (s, i) => advanceUntil(s, () => phaseOf(s, i) === 'investigating', 2),
  ATTEMPT: (s, i) => fix(s, i),
  MITIGATE: (s, i) => {
    fix(s, i);
    advanceUntil(s, () => phaseOf(s, i) === 'mitigated', 60);
  },
  RESOLVE: (s, i) => advanceUntil(s, () => phaseOf(s, i) === 'resolved', 60),
};

describe('the simulation follows every path through the incident machine', () => {
  const paths = getShortestPaths(incidentMachine, { input: OPEN, events: INCIDENT_SIGNALS });
  const all = walks(paths, INCIDENT_SIGNALS);

  it('covers every phase and every transition that keeps a phase', () => {
    expect(new Set(all.map((w) => w.target))).toEqual(new Set(Object.keys(incidentMachine.root.states)));
    expect(all.map((w) => w.events.at(-1)?.type)).toEqual(expect.arrayContaining(['ESCALATE', 'ATTEMPT']));
  });

  for (const walk of all) {
    const name = walk.events.map((e) => e.type).join(' → ') || '(start)';
    it(`${name} reaches ${walk.target}`, () => {
      const { s, incident } = incidentWorld(walk.events);
      expect(phaseOf(s, incident)).toBe('undetected');
      for (const [i, signal] of walk.events.entries()) {
        driveIncident[signal.type](s, incident);
        // Detection and the first page happen in the same minute, when somebody is there to page.
        const expected = signal.type === 'DETECT' && walk.events[i + 1]?.type === 'PAGE' ? 'paged' : walk.states[i];
        expect(phaseOf(s, incident), `after ${signal.type}`).toBe(expected);
      }
      expect(phaseOf(s, incident)).toBe(walk.target);
    });
  }
});

const retroPhase = (s: Simulation, retro: string) => must(s.snapshot().retros[retro]).phase;

describe('the simulation follows every path through the retro machine', () => {
  const paths = getShortestPaths(retroMachine, {
    input: { interviewed: false, framed: false },
    events: RETRO_SIGNALS,
  });
  const all = walks(paths, RETRO_SIGNALS);

  it('covers every step', () => {
    expect(new Set(all.map((w) => w.target))).toEqual(new Set(RETRO_STEPS));
  });

  for (const walk of all) {
    const name = walk.events.map((e) => (e.type === 'NEXT' ? `NEXT(${e.from})` : e.type)).join(' → ') || '(start)';
    it(`${name} reaches ${walk.target}`, () => {
      const { s, retro } = scheduledRetro();
      for (const [i, signal] of walk.events.entries()) {
        if (signal.type === 'NEXT') ok(s, { type: 'advanceRetro', retro, from: signal.from });
        if (signal.type === 'INTERVIEW') ok(s, { type: 'interview', retro, depth: 'deep', facilitator: 'hana' });
        if (signal.type === 'FRAME') ok(s, { type: 'frameRetro', retro, framing: 'blameless' });
        if (signal.type === 'PUBLISH') ok(s, { type: 'publishRetro', retro, share: true });
        expect(retroPhase(s, retro), `after ${signal.type}`).toBe(walk.states[i]);
      }
      expect(retroPhase(s, retro)).toBe(walk.target);
    });
  }
});
