import { describe, expect, it } from 'vitest';
import { guidedFireCommand } from '../../src/round/roundSession';
import { allEventsOf, type Command, createSimulation } from '../../src/sim';
import { asGivenBy } from '../../src/sim/inputLog';
import { workingRemedies } from '../../src/sim/rules/incident';
import { factorsOf, surfacedFactors } from '../../src/sim/rules/retro';
import { isWorldInput } from '../../src/sim/timeline';
import { must, respondWell, scenario, sim } from './fixtures';

/** The incident a command just started, if it started one. */
function fireAndFind(s: ReturnType<typeof sim>, cmd: Command) {
  const before = new Set(s.snapshot().incidentOrder);
  const r = s.dispatch(cmd);
  expect(r, JSON.stringify(r)).toEqual({ ok: true });
  const id = s.snapshot().incidentOrder.find((i) => !before.has(i));
  return id ? must(s.snapshot().incidents[id]) : null;
}

describe('a fire set on purpose from outside', () => {
  it('sets off one of the service’s real weaknesses, and its review finds it, not a staging', () => {
    const s = sim(3, 'platform', 2);
    const inc = must(fireAndFind(s, { type: 'injectIncident', service: 'pantry-db', kind: 'data' }));
    const c = must(s.snapshot().conditions[inc.conditionId]);
    expect(c.origin).toBe('scenario');
    expect(c.kind).toBe('data');
    expect(inc.injected).toBe(true);
    const factors = factorsOf(s.snapshot() as never, inc as never);
    expect(factors[0]?.conditionId).toBe(c.id);
    expect(factors.map((f) => f.text).join(' ')).not.toMatch(/staged|nothing real/);
  });

  it('names the weaknesses a service has when asked for one it does not have', () => {
    const s = sim(3, 'platform', 2);
    const r = s.dispatch({ type: 'injectIncident', service: 'pantry-db', kind: 'retry-storm' });
    expect(r).toEqual({
      ok: false,
      reason: 'Pantry DB has no retry storm to set off (it has: capacity limit, data corruption path)',
    });
    const named = s.dispatch({
      type: 'injectIncident',
      service: 'pantry-db',
      kind: 'data',
      condition: 'queue:config:1',
    });
    expect(named).toEqual({ ok: false, reason: 'Pantry DB has no weakness "queue:config:1"' });
  });

  it('finds nothing to burn once an item removed the weakness, while the never-learning replay burns', () => {
    const fire: Command = { type: 'injectIncident', service: 'catalog', kind: 'capacity' };
    const ours = sim(5, 'platform', 2);
    const theirs = sim(5, 'platform', 2);
    const first = must(fireAndFind(ours, fire));
    must(fireAndFind(theirs, fire));
    // Our team answers, reviews it blamelessly and removes the weakness; the other team only restarts.
    respondWell(ours, first.id, () => must(workingRemedies(first)[0]));
    expect(ours.snapshot().incidents[first.id]?.phase).toBe('resolved');
    ours.dispatch({ type: 'scheduleRetro', incident: first.id });
    const retro = must(ours.snapshot().incidents[first.id]?.retroId);
    ours.dispatch({ type: 'advanceRetro', retro, from: 'scheduled' });
    ours.dispatch({ type: 'advanceRetro', retro, from: 'timeline' });
    ours.dispatch({ type: 'interview', retro, depth: 'deep', facilitator: 'carmen' });
    ours.dispatch({ type: 'advanceRetro', retro, from: 'interviews' });
    ours.dispatch({ type: 'frameRetro', retro, framing: 'blameless' });
    ours.dispatch({ type: 'advanceRetro', retro, from: 'framing' });
    ours.dispatch({ type: 'advanceRetro', retro, from: 'factors' });
    const factor = must(surfacedFactors(must(ours.snapshot().retros[retro])).find((f) => f.key === 'condition'));
    expect(factor.conditionId).toBe(first.conditionId);
    expect(ours.dispatch({ type: 'fileActionItem', retro, factor: factor.id, actionType: 'prevent' })).toEqual({
      ok: true,
    });
    ours.dispatch({ type: 'publishRetro', retro, share: false });
    for (let d = 0; d < 7 && (ours.snapshot().conditions[first.conditionId]?.strength ?? 1) > 0; d++)
      ours.advance(1440);
    expect(ours.snapshot().conditions[first.conditionId]?.strength).toBe(0);
    const at = ours.snapshot().now;
    theirs.advance(at - theirs.snapshot().now);
    const again = fireAndFind(ours, fire);
    expect(again).toBeNull();
    expect(allEventsOf(ours.snapshot()).some((e) => e.type === 'fire-held' && e.at === at && e.why === 'removed')).toBe(
      true,
    );
    // The never-learning team still has the weakness: the same trigger finds something to burn (or it burns already).
    const theirsNow = theirs.snapshot();
    const burning = theirsNow.openIncidents.some((id) => theirsNow.incidents[id]?.conditionId === first.conditionId);
    const theirFire = fireAndFind(theirs, fire);
    expect(burning || theirFire?.conditionId === first.conditionId).toBe(true);
  });

  it('is the tutorial’s fire too: a real weakness of the service others depend on most', () => {
    const s = createSimulation(scenario('platform'), { seed: 43, weeks: 1 });
    const cmd = guidedFireCommand(s.snapshot());
    expect(cmd).toEqual({
      type: 'injectIncident',
      service: 'catalog',
      kind: 'capacity',
      condition: 'catalog:capacity:0',
    });
    const inc = must(fireAndFind(s as never, cmd));
    expect(s.snapshot().conditions[inc.conditionId]?.origin).toBe('scenario');
  });
});

describe('a fire the table sets itself', () => {
  it('is staged whatever it claims: it never reaches the other timeline', () => {
    const forged: Command = { type: 'injectIncident', service: 'catalog', kind: 'capacity', staged: false };
    for (const by of ['player', 'bot', 'delegate', 'audience', 'setup'] as const) {
      const given = asGivenBy(forged, by);
      expect(given).toEqual({ type: 'injectIncident', service: 'catalog', kind: 'capacity', staged: true });
      expect(isWorldInput(given)).toBe(false);
    }
    for (const by of ['facilitator', 'guided', 'demo', 'scenario'] as const) {
      expect(isWorldInput(asGivenBy(forged, by))).toBe(true);
    }
  });

  it('teaches nobody: responders and shadows learn nothing, its blameless review builds no trust, and it leaves nothing to remove', () => {
    const s = sim(8, 'platform', 2);
    s.dispatch({ type: 'setShadow', engineer: 'carmen', mentor: 'ada' });
    const before = s.snapshot();
    const inc = must(fireAndFind(s, { type: 'injectIncident', service: 'catalog', kind: 'config', staged: true }));
    expect(s.snapshot().conditions[inc.conditionId]?.origin).toBe('injected');
    respondWell(s, inc.id, () => must(workingRemedies(inc)[0]));
    const after = s.snapshot();
    const done = must(after.incidents[inc.id]);
    expect(done.phase).toBe('resolved');
    for (const r of done.responders) {
      expect(after.engineers[r]?.knowledge.catalog ?? 0, r).toBeCloseTo(before.engineers[r]?.knowledge.catalog ?? 0, 9);
    }
    const factors = factorsOf(after as never, done as never);
    expect(factors).toHaveLength(1);
    expect(factors[0]?.text).toMatch(/staged by the table: nothing real to remove/);
    expect(factors[0]?.conditionId).toBeNull();
    s.dispatch({ type: 'scheduleRetro', incident: inc.id });
    const retro = must(s.snapshot().incidents[inc.id]?.retroId);
    s.dispatch({ type: 'advanceRetro', retro, from: 'scheduled' });
    s.dispatch({ type: 'advanceRetro', retro, from: 'timeline' });
    s.dispatch({ type: 'interview', retro, depth: 'deep', facilitator: 'carmen' });
    s.dispatch({ type: 'advanceRetro', retro, from: 'interviews' });
    const trust = Object.values(s.snapshot().engineers).map((e) => e.trust);
    s.dispatch({ type: 'frameRetro', retro, framing: 'blameless' });
    expect(Object.values(s.snapshot().engineers).map((e) => e.trust)).toEqual(trust);
  });
});
