import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  createSimulationFromState,
  type SimState,
  type Simulation,
  type Snapshot,
  stateHash,
} from '../../src/sim';
import { allEvents } from '../../src/sim/model/world';
import { nearMissReportChance, teamTrust } from '../../src/sim/rules/chaos';
import { workingRemedies } from '../../src/sim/rules/incident';
import { lastIncident, must, numbersIn, ok, respondWell, scenario } from './fixtures';
import { commandsFor, type Op, opArb, pick } from './randomCommands';

// ---------------------------------------------------------------------------
// Random play: commands chosen against the world as it is, interleaved with time (./randomCommands).
// ---------------------------------------------------------------------------

/** Plays ops against a world; returns every command result, in order. */
function play(s: Simulation, ops: Op[], each?: (s: Simulation) => void): string[] {
  const results: string[] = [];
  for (const op of ops) {
    if (op.kind === 'advance') s.advance(op.minutes);
    for (const cmd of commandsFor(s.snapshot(), op)) {
      const before = s.snapshot();
      const r = s.dispatch(cmd);
      if (!r.ok) expect(s.snapshot(), `${cmd.type} refused but changed the world`).toBe(before);
      results.push(r.ok ? 'ok' : r.reason);
    }
    each?.(s);
  }
  return results;
}

/** The world's standing promises. */
function checkInvariants(snap: Snapshot): void {
  const bad = numbersIn(snap).filter((n) => !Number.isFinite(n.value));
  expect(bad, 'every number is finite').toEqual([]);
  for (const e of Object.values(snap.engineers)) {
    for (const k of ['fatigue', 'morale', 'trust'] as const) {
      expect(e[k], `${e.id}.${k}`).toBeGreaterThanOrEqual(0);
      expect(e[k], `${e.id}.${k}`).toBeLessThanOrEqual(1);
    }
    for (const [svc, k] of Object.entries(e.knowledge)) {
      expect(k, `${e.id}.knowledge.${svc}`).toBeGreaterThanOrEqual(0);
      expect(k, `${e.id}.knowledge.${svc}`).toBeLessThanOrEqual(1);
    }
  }
  for (const t of Object.values(snap.teams)) {
    expect(t.culture).toBeGreaterThanOrEqual(0);
    expect(t.culture).toBeLessThanOrEqual(1);
    expect(t.reliabilityShare).toBeGreaterThanOrEqual(0);
    expect(t.reliabilityShare).toBeLessThanOrEqual(0.6);
    expect(t.owedHours).toBeGreaterThanOrEqual(-1e-9);
  }
  expect(snap.customerTrust).toBeGreaterThanOrEqual(0);
  expect(snap.customerTrust).toBeLessThanOrEqual(1);
  for (const c of Object.values(snap.conditions)) {
    expect(c.strength).toBeGreaterThanOrEqual(0);
    expect(c.strength).toBeLessThanOrEqual(1);
  }

  // No orphans: every incident is resolved or open, never both, never neither.
  expect(new Set(snap.openIncidents).size).toBe(snap.openIncidents.length);
  expect([...snap.incidentOrder].sort()).toEqual(Object.keys(snap.incidents).sort());
  for (const id of snap.openIncidents) expect(snap.incidents[id], `open ${id}`).toBeDefined();
  const anyoneLeft = Object.values(snap.engineers).some((e) => e.status === 'left');
  for (const inc of Object.values(snap.incidents)) {
    const open = snap.openIncidents.includes(inc.id);
    expect(open, `${inc.id} is ${inc.phase}`).toBe(inc.phase !== 'resolved');
    expect(inc.sev).toBeGreaterThanOrEqual(1);
    expect(inc.sev).toBeLessThanOrEqual(4);
    expect(inc.progress).toBeGreaterThanOrEqual(0);
    expect(inc.progress).toBeLessThanOrEqual(1);
    expect(inc.affected[0]).toBe(inc.service);
    expect(new Set(inc.affected).size).toBe(inc.affected.length);
    for (const s of inc.affected) expect(snap.services[s], s).toBeDefined();
    if (inc.phase === 'acknowledged' || inc.phase === 'investigating') {
      if (!anyoneLeft) expect(inc.responders.length, `${inc.id} ${inc.phase} with nobody`).toBeGreaterThan(0);
    }
    if (open)
      for (const r of inc.responders) expect(snap.engineers[r]?.status, `${inc.id} responder ${r}`).toBe('active');
    if (inc.phase === 'resolved') {
      expect(inc.resolvedAt).not.toBeNull();
      expect(must(inc.resolvedAt)).toBeGreaterThanOrEqual(inc.startedAt);
    }
  }
  const events = allEvents(snap);
  for (let i = 1; i < events.length; i++) expect(must(events[i]).at).toBeGreaterThanOrEqual(must(events[i - 1]).at);
}

const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const opsArb = fc.array(opArb, { minLength: 8, maxLength: 40, size: 'max' });
const fresh = (seed: number, id: 'platform' | 'startup' = 'platform') =>
  createSimulation(scenario(id), { seed, weeks: 2 });

describe('properties of the simulation', () => {
  it('the same seed and the same commands give the same world', () => {
    fc.assert(
      fc.property(seedArb, opsArb, (seed, ops) => {
        const a = fresh(seed);
        const b = fresh(seed);
        const ra = play(a, ops);
        const rb = play(b, ops);
        expect(rb).toEqual(ra);
        expect(stateHash(b.snapshot() as SimState)).toBe(stateHash(a.snapshot() as SimState));
      }),
      { numRuns: 15 },
    );
  });

  it('saving and loading at any moment does not change what happens next', () => {
    fc.assert(
      fc.property(seedArb, opsArb, fc.nat(), (seed, ops, cut) => {
        const at = cut % (ops.length + 1);
        const a = fresh(seed);
        play(a, ops);
        const b = fresh(seed);
        play(b, ops.slice(0, at));
        const c = createSimulationFromState(JSON.parse(JSON.stringify(b.snapshot())) as SimState);
        play(c, ops.slice(at));
        expect(stateHash(c.snapshot() as SimState)).toBe(stateHash(a.snapshot() as SimState));
      }),
      { numRuns: 15 },
    );
  });

  it('random play never breaks the world’s invariants', () => {
    fc.assert(
      fc.property(seedArb, fc.constantFrom('platform' as const, 'startup' as const), opsArb, (seed, id, ops) => {
        const s = fresh(seed, id);
        checkInvariants(s.snapshot());
        play(s, ops, (x) => checkInvariants(x.snapshot()));
      }),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------
// Blame and near misses.
// ---------------------------------------------------------------------------

/** A resolved fire with its retro waiting at the framing step. */
function atFraming(seed: number, service: string, depth: 'quick' | 'deep', facilitator: number) {
  const s = createSimulation(scenario(), { seed, weeks: 2 });
  s.advance(9 * 60);
  const kind = must(Object.values(s.snapshot().conditions).find((c) => c.service === service)).kind;
  ok(s, { type: 'injectIncident', service, kind });
  const incident = lastIncident(s.snapshot()).id;
  respondWell(s, incident, () => must(workingRemedies(must(s.snapshot().incidents[incident]))[0]));
  ok(s, { type: 'scheduleRetro', incident });
  const retro = must(must(s.snapshot().incidents[incident]).retroId);
  ok(s, { type: 'advanceRetro', retro, from: 'scheduled' });
  ok(s, { type: 'advanceRetro', retro, from: 'timeline' });
  const people = s.snapshot().engineerOrder;
  ok(s, { type: 'interview', retro, depth, facilitator: must(pick(people, facilitator)) });
  ok(s, { type: 'advanceRetro', retro, from: 'interviews' });
  return { s, retro, team: must(s.snapshot().services[service]).team };
}

const chances = (snap: Snapshot) =>
  Object.fromEntries(snap.teamOrder.map((t) => [t, nearMissReportChance(teamTrust(snap as SimState, t))]));

describe('properties of blame', () => {
  it('blame never raises anyone’s chance of reporting a near miss; blameless framing never lowers it', () => {
    const services = ['gateway', 'storefront', 'checkout', 'catalog', 'payments', 'pantry-db', 'queue', 'notify'];
    fc.assert(
      fc.property(
        seedArb,
        fc.constantFrom(...services),
        fc.constantFrom('quick' as const, 'deep' as const),
        fc.nat(),
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (seed, service, depth, facilitator, blamed, trusts) => {
          const { s, retro, team } = atFraming(seed, service, depth, facilitator);
          // Start from any mix of trust, as a long round might leave it.
          const snap = s.snapshot() as SimState;
          const state = structuredClone(snap);
          state.engineerOrder.forEach((id, i) => {
            must(state.engineers[id]).trust = trusts[i % trusts.length] ?? 0.5;
          });
          const blameRun = createSimulationFromState(state);
          const praiseRun = createSimulationFromState(structuredClone(state));
          const before = chances(state);

          const who = must(pick(state.engineerOrder, blamed));
          ok(blameRun, { type: 'frameRetro', retro, framing: 'blame', blamed: who });
          ok(praiseRun, { type: 'frameRetro', retro, framing: 'blameless' });
          const afterBlame = chances(blameRun.snapshot());
          const afterPraise = chances(praiseRun.snapshot());
          for (const t of state.teamOrder) {
            expect(afterBlame[t], t).toBeLessThanOrEqual(must(before[t]));
            expect(afterPraise[t], t).toBeGreaterThanOrEqual(must(before[t]));
          }
          if (must(before[team]) > 0) expect(afterBlame[team]).toBeLessThan(must(before[team]));
          // A day later the gap is still there: nothing quietly restores trust after blame.
          blameRun.advance(24 * 60);
          praiseRun.advance(24 * 60);
          const dayBlame = chances(blameRun.snapshot());
          const dayPraise = chances(praiseRun.snapshot());
          for (const t of state.teamOrder) expect(dayBlame[t], t).toBeLessThanOrEqual(must(dayPraise[t]));
        },
      ),
      { numRuns: 15 },
    );
  });
});
