import { describe, expect, it } from 'vitest';
import { createSimulation, createSimulationFromState, MINUTES_PER_WEEK, type SimState, stateHash } from '../../src/sim';
import { allEvents } from '../../src/sim/model/world';
import { must, numbersIn, ok, scenario, sim } from './fixtures';

describe('a simulated quarter on the Pantry Platform', () => {
  it('starts at Monday 00:00 with the scenario’s world and nothing burning', () => {
    const snap = sim(1).snapshot();
    expect(snap.now).toBe(0);
    expect(snap.scenarioId).toBe('platform');
    expect(snap.serviceOrder).toHaveLength(8);
    expect(Object.keys(snap.conditions).length).toBeGreaterThan(10);
    expect(Object.values(snap.conditions).every((c) => !c.revealed)).toBe(true);
    expect(snap.openIncidents).toEqual([]);
    expect(snap.weekly).toHaveLength(snap.weeks);
    expect(Object.keys(snap.rotation.byTeam).length).toBeGreaterThan(0);
  });

  it('a few weeks bring incidents, pages, deploys and business value', () => {
    // Nobody acts here, so customers would give up within three weeks: this looks at the world, not the round.
    const s = createSimulation(scenario('platform'), { seed: 1, canLose: false });
    const events = s.advance(3 * MINUTES_PER_WEEK);
    const snap = s.snapshot();
    expect(snap.now).toBe(3 * MINUTES_PER_WEEK);
    expect(snap.totals.incidents).toBeGreaterThan(0);
    expect(snap.incidentOrder.filter((id) => !snap.incidents[id]?.prior)).toHaveLength(snap.totals.incidents);
    const types = new Set(events.map((e) => e.type));
    for (const t of ['incident-started', 'incident-detected', 'paged', 'acknowledged', 'deploy'] as const) {
      expect(types, t).toContain(t);
    }
    expect(snap.totals.pages).toBeGreaterThanOrEqual(
      snap.incidentOrder.filter((id) => !snap.incidents[id]?.prior && snap.incidents[id]?.pagedAt !== null).length,
    );
    expect(snap.totals.businessValue).toBeGreaterThan(0);
    expect(snap.weekly.reduce((n, w) => n + w.incidents, 0)).toBe(snap.totals.incidents);
    expect(events).toEqual(allEvents(snap));
    for (const e of events) expect(e.at).toBeLessThan(snap.now);
    for (let i = 1; i < events.length; i++) expect(must(events[i]).at).toBeGreaterThanOrEqual(must(events[i - 1]).at);
  });

  it('hands out each event once: advance returns only what is new', () => {
    const s = sim(2);
    const first = s.advance(MINUTES_PER_WEEK);
    const second = s.advance(MINUTES_PER_WEEK);
    expect([...first, ...second]).toEqual(allEvents(s.snapshot()));
    for (const e of second) expect(e.at).toBeGreaterThanOrEqual(MINUTES_PER_WEEK);
  });

  it('the same seed gives the same world; another seed another world', () => {
    const a = sim(11);
    const b = sim(11);
    const c = sim(12);
    for (const s of [a, b, c]) s.advance(2 * MINUTES_PER_WEEK);
    expect(stateHash(a.snapshot() as SimState)).toBe(stateHash(b.snapshot() as SimState));
    expect(stateHash(a.snapshot() as SimState)).not.toBe(stateHash(c.snapshot() as SimState));
  });

  it('advancing by nothing changes nothing', () => {
    const s = sim(1);
    s.advance(90);
    const before = s.snapshot();
    for (const n of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 0.6]) {
      expect(s.advance(n)).toEqual([]);
      expect(s.snapshot()).toBe(before);
    }
    s.advance(1.9);
    expect(s.snapshot().now).toBe(91);
  });

  it('an old snapshot is never changed by later minutes or commands', () => {
    const s = sim(3);
    s.advance(600);
    const old = s.snapshot();
    const hash = stateHash(old as SimState);
    const copy = structuredClone(old);
    s.advance(MINUTES_PER_WEEK);
    ok(s, { type: 'injectIncident', service: 'queue', kind: 'retry-storm' });
    ok(s, { type: 'setTeamFocus', team: 'web', reliabilityShare: 0.5 });
    expect(stateHash(old as SimState)).toBe(hash);
    expect(old).toEqual(copy);
  });

  it('the round ends on time, says so once, and then time stands still', () => {
    // Nobody plays this round, so it would be lost to its own fires: here it may not be, to reach its end.
    const s = createSimulation(scenario('startup'), { seed: 5, weeks: 1, canLose: false });
    const events = s.advance(2 * MINUTES_PER_WEEK);
    expect(s.snapshot().now).toBe(MINUTES_PER_WEEK);
    expect(events.filter((e) => e.type === 'round-over')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('round-over');
    const over = s.snapshot();
    expect(s.advance(60)).toEqual([]);
    expect(s.snapshot()).toBe(over);
  });

  it('a saved world loads and plays on exactly as if it had never been saved', () => {
    const a = sim(21);
    a.advance(4000);
    const saved = JSON.stringify(a.snapshot());
    const b = createSimulationFromState(JSON.parse(saved) as SimState, false);
    const c = sim(99);
    c.load(JSON.parse(saved) as SimState);
    for (const x of [a, b, c]) {
      x.dispatch({ type: 'setTeamFocus', team: 'data', reliabilityShare: 0.4 });
      x.advance(6000);
    }
    const h = stateHash(a.snapshot() as SimState);
    expect(stateHash(b.snapshot() as SimState)).toBe(h);
    expect(stateHash(c.snapshot() as SimState)).toBe(h);
  });

  it('keeps every number finite over a long round', () => {
    // Stepped in place: the same world as through Immer (fastWorld.slow.test.ts), read once at the end.
    const s = createSimulation(scenario('platform'), { seed: 4, weeks: 6, canLose: false, fast: true });
    s.advance(6 * MINUTES_PER_WEEK);
    const bad = numbersIn(s.snapshot()).filter((n) => !Number.isFinite(n.value));
    expect(bad).toEqual([]);
  });

  it('changing the ownership model mid-round costs every team time to adjust', () => {
    const s = sim(1);
    s.advance(60);
    const before = s.snapshot();
    ok(s, { type: 'setOwnership', model: 'ops-team' });
    const after = s.snapshot();
    expect(after.ownership).toBe('ops-team');
    for (const t of after.teamOrder)
      expect(must(after.teams[t]).owedHours).toBeGreaterThan(must(before.teams[t]).owedHours);
    // Choosing the same model again is free.
    ok(s, { type: 'setOwnership', model: 'ops-team' });
    expect(s.snapshot()).toBe(after);
  });

  it('an injected incident on the ops-team model pages the ops team', () => {
    const s = createSimulation(scenario(), { seed: 1, ownership: 'ops-team' });
    ok(s, { type: 'injectIncident', service: 'checkout', kind: 'deploy' });
    const inc = must(s.snapshot().incidents[must(s.snapshot().incidentOrder.at(-1))]);
    expect(inc.injected).toBe(true);
    expect(inc.pagerTeam).toBe('sre');
  });
});
