import { describe, expect, it } from 'vitest';
import type { Incident, Mitigation, SimEvent, SimState, Simulation } from '../../src/sim';
import { diagnosisHint } from '../../src/sim';
import { allEvents, dependentsOf } from '../../src/sim/model/world';
import { workingRemedies } from '../../src/sim/rules/incident';
import { advanceUntil, lastIncident, must, ok, sim } from './fixtures';

const SEED = 7;

/**
 * Monday 10:00 in week one. Femi, who has never touched Pantry DB, carries the
 * Data pager this week; then Pantry DB runs out of capacity.
 */
function dbOutOfCapacity(): { s: Simulation; incident: string } {
  const s = sim(SEED);
  ok(s, { type: 'setRotation', team: 'data', weeks: [{ primary: 'femi', secondary: 'gus' }] });
  s.advance(10 * 60);
  ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
  const inc = lastIncident(s.snapshot());
  expect(inc.service).toBe('pantry-db');
  expect(inc.injected).toBe(true);
  expect(inc.affected).toEqual(['pantry-db']);
  return { s, incident: inc.id };
}

const eventsFor = (s: Simulation, incident: string): SimEvent[] =>
  allEvents(s.snapshot()).filter((e) => 'incident' in e && e.incident === incident);

describe('firepants: an untreated fire spreads to its dependents', () => {
  it('spreads along the dependency graph when nobody steps in', () => {
    const { s, incident } = dbOutOfCapacity();
    advanceUntil(s, (snap) => must(snap.incidents[incident]).affected.length > 1, 400);
    const inc = must(s.snapshot().incidents[incident]);
    expect(inc.phase).not.toBe('resolved');
    expect(inc.sev).toBeLessThanOrEqual(2);
    const spread = eventsFor(s, incident).filter((e) => e.type === 'spread');
    expect(spread).toHaveLength(1);
    const reached = (spread[0] as Extract<SimEvent, { type: 'spread' }>).service;
    expect(dependentsOf(s.snapshot() as SimState, 'pantry-db')).toContain(reached);
    expect(inc.affected).toEqual(['pantry-db', reached]);

    // Left alone longer it keeps burning outward, each newcomer a dependent of something already on fire.
    s.advance(120);
    const later = must(s.snapshot().incidents[incident]);
    expect(later.affected.length).toBeGreaterThan(2);
    for (const svc of later.affected.slice(1)) {
      expect(
        later.affected.some((on) => dependentsOf(s.snapshot() as SimState, on).includes(svc)),
        svc,
      ).toBe(true);
    }
    expect(new Set(later.affected).size).toBe(later.affected.length);
    const events = eventsFor(s, incident).map((e) => e.type);
    expect(events.filter((t) => t === 'spread')).toHaveLength(later.affected.length - 1);
    expect(events).toContain('severity-rose');
    expect(later.customerMinutes).toBeGreaterThan(0);
  });

  it('is stopped by a prompt acknowledgement and the right remedy, and then resolves', () => {
    const { s, incident } = dbOutOfCapacity();
    const trustBefore = s.snapshot().customerTrust;
    let mitigatedWith: Mitigation | null = null;
    advanceUntil(
      s,
      (snap) => must(snap.incidents[incident]).phase === 'resolved',
      600,
      () => {
        const inc = must(s.snapshot().incidents[incident]);
        if (inc.phase === 'paged') ok(s, { type: 'acknowledge', incident });
        const now = must(s.snapshot().incidents[incident]) as Incident;
        if (mitigatedWith === null && (now.phase === 'acknowledged' || now.phase === 'investigating')) {
          // The player acts on what a capacity fire needs, before the diagnosis spells it out.
          expect(diagnosisHint(now).recommended).toBeNull();
          mitigatedWith = must(workingRemedies(now)[0]);
          ok(s, { type: 'mitigate', incident, action: mitigatedWith });
        }
      },
    );
    const inc = must(s.snapshot().incidents[incident]);
    expect(mitigatedWith).toBe('scale-up');
    expect(inc.affected).toEqual(['pantry-db']);
    expect(eventsFor(s, incident).some((e) => e.type === 'spread')).toBe(false);
    expect(inc.attempts.map((a) => [a.action, a.outcome])).toEqual([['scale-up', 'worked']]);
    expect(s.snapshot().openIncidents).not.toContain(incident);
    expect(must(inc.resolvedAt) - must(inc.mitigatedAt)).toBeGreaterThanOrEqual(30);
    const types = eventsFor(s, incident).map((e) => e.type);
    expect(types.indexOf('incident-detected')).toBeLessThan(types.indexOf('paged'));
    expect(types.indexOf('acknowledged')).toBeLessThan(types.indexOf('incident-mitigated'));
    expect(types.at(-1)).toBe('incident-resolved');
    expect(s.snapshot().customerTrust).toBeLessThanOrEqual(trustBefore);

    // And it does not flare up again after it is out.
    s.advance(240);
    expect(must(s.snapshot().incidents[incident]).affected).toEqual(['pantry-db']);
  });

  it('the wrong remedy wastes time or makes things worse', () => {
    const { s, incident } = dbOutOfCapacity();
    advanceUntil(s, (snap) => must(snap.incidents[incident]).phase === 'paged', 200);
    ok(s, { type: 'acknowledge', incident });
    const sev = must(s.snapshot().incidents[incident]).sev;
    ok(s, { type: 'mitigate', incident, action: 'failover' });
    s.advance(16);
    const inc = must(s.snapshot().incidents[incident]);
    expect(inc.attempts[0]?.outcome).toBe('worse');
    expect(inc.sev).toBeLessThan(sev);
    expect(inc.phase).not.toBe('mitigated');
  });
});
