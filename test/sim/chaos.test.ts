import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK, type SimState } from '../../src/sim';
import { chaosCheck, diurnalLoad, hazard, nearMissReportChance, teamTrust } from '../../src/sim/rules/chaos';
import { fireOn, must, world } from './fixtures';

/** Tuesday 11:00 of week one: busy hours, nothing deployed yet. */
const NOON = MINUTES_PER_DAY + 11 * MINUTES_PER_HOUR;

function cond(state: SimState, id: string) {
  return must(state.conditions[id], id);
}

describe('chaos: hazard of a latent condition', () => {
  it('rises with load', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = world();
        const c = cond(s, 'pantry-db:capacity:0');
        must(s.services['pantry-db']).load = lo;
        const low = hazard(s, c, NOON);
        must(s.services['pantry-db']).load = hi;
        const high = hazard(s, c, NOON);
        expect(high).toBeGreaterThanOrEqual(low);
        if (hi > lo + 1e-6) expect(high).toBeGreaterThan(low);
      }),
      { numRuns: 25 },
    );
  });

  it('is higher for a day after a deploy, most of all for deploy and config conditions', () => {
    const s = world();
    const deploy = cond(s, 'storefront:deploy:0');
    const capacity = cond(s, 'gateway:capacity:1');
    const before = { deploy: hazard(s, deploy, NOON), capacity: hazard(s, capacity, NOON) };
    must(s.services.storefront).lastDeployAt = NOON - 60;
    must(s.services.gateway).lastDeployAt = NOON - 60;
    // Keep neglect unchanged: a deploy also touches the service, which is tested separately.
    expect(hazard(s, deploy, NOON)).toBeCloseTo(before.deploy * 3, 12);
    expect(hazard(s, capacity, NOON)).toBeCloseTo(before.capacity * 1.3, 12);
    // More than a day later the boost is gone.
    must(s.services.storefront).lastDeployAt = NOON - MINUTES_PER_DAY - 1;
    expect(hazard(s, deploy, NOON)).toBeCloseTo(before.deploy, 12);
  });

  it('falls with observability and with runbook quality', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('observability' as const, 'runbook' as const),
        (a, b, field) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const s = world();
          const c = cond(s, 'queue:retry-storm:0');
          const svc = must(s.services.queue);
          svc[field] = lo;
          const weak = hazard(s, c, NOON);
          svc[field] = hi;
          const strong = hazard(s, c, NOON);
          expect(strong).toBeLessThanOrEqual(weak);
          if (hi > lo + 1e-6) expect(strong).toBeLessThan(weak);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('grows with neglect, up to double', () => {
    const s = world();
    const c = cond(s, 'notify:duplicate-delivery:0');
    must(s.services.notify).load = 0; // traffic grows through the round: keep load out of the neglect comparison
    const fresh = hazard(s, c, NOON);
    const t2 = NOON + 2 * MINUTES_PER_WEEK;
    const t40 = NOON + 40 * MINUTES_PER_WEEK;
    must(s.services.notify).lastTouchedAt = t2;
    const touched = hazard(s, c, t2);
    must(s.services.notify).lastTouchedAt = 0;
    expect(hazard(s, c, t2)).toBeGreaterThan(touched);
    expect(hazard(s, c, t40)).toBeCloseTo(hazard(s, c, t40 + MINUTES_PER_WEEK), 12);
    expect(hazard(s, c, t40) / fresh).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('scales with strength and is zero once the condition is removed', () => {
    const s = world();
    const c = cond(s, 'checkout:retry-storm:0');
    const full = hazard(s, c, NOON);
    expect(full).toBeGreaterThan(0);
    c.strength = 0.5;
    expect(hazard(s, c, NOON)).toBeCloseTo(full / 2, 12);
    c.strength = 0;
    expect(hazard(s, c, NOON)).toBe(0);
    c.strength = -0.2;
    expect(hazard(s, c, NOON)).toBe(0);
  });

  it('follows the day: busy hours carry more load than the small hours', () => {
    expect(diurnalLoad(0.5, NOON)).toBeGreaterThan(diurnalLoad(0.5, 3 * MINUTES_PER_HOUR));
    const s = world();
    const c = cond(s, 'catalog:capacity:0');
    expect(hazard(s, c, NOON)).toBeGreaterThan(hazard(s, c, MINUTES_PER_DAY + 3 * MINUTES_PER_HOUR));
  });

  it('stays a small per-check probability for every scenario condition', () => {
    const s = world();
    for (const c of Object.values(s.conditions)) {
      const h = hazard(s, c, NOON);
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThan(0.01);
    }
  });
});

describe('chaos: near misses and trust', () => {
  it('reporting chance is monotonic in trust, 0 with no trust and 1 with full trust', () => {
    expect(nearMissReportChance(0)).toBe(0);
    expect(nearMissReportChance(1)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(nearMissReportChance(lo)).toBeLessThanOrEqual(nearMissReportChance(hi));
        expect(nearMissReportChance(lo)).toBeGreaterThanOrEqual(0);
        expect(nearMissReportChance(hi)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 25 },
    );
  });

  it('team trust is the average of the active members and ignores people who left', () => {
    const s = world();
    must(s.engineers.esi).trust = 1;
    must(s.engineers.femi).trust = 0.5;
    must(s.engineers.gus).trust = 0;
    expect(teamTrust(s, 'data')).toBeCloseTo(0.5, 12);
    must(s.engineers.gus).status = 'left';
    expect(teamTrust(s, 'data')).toBeCloseTo(0.75, 12);
    expect(teamTrust(s, 'nobody')).toBe(0);
  });
});

describe('chaos: checks', () => {
  it('every condition draws from its own stream on every check, whatever the others do', () => {
    const a = world(5);
    const b = world(5);
    // In b, a condition has been removed by an action item and another one is burning.
    must(b.conditions['gateway:capacity:1']).strength = 0;
    const burning = fireOn(b, 'queue', 'config');
    expect(b.openIncidents).toEqual([burning.id]);
    a.now = b.now = NOON;
    chaosCheck(a);
    chaosCheck(b);
    expect(b.incidentOrder.filter((id) => !b.incidents[id]?.prior)).toEqual([burning.id]);
    for (const id of Object.keys(a.conditions)) {
      expect(b.streams[`chaos:${id}`]).toBe(a.streams[`chaos:${id}`]);
      expect(a.streams[`chaos:${id}`]).not.toBe(world(5).streams[`chaos:${id}`]);
    }
  });

  it('a removed condition never fires, however long the world runs', () => {
    const s = world(3);
    for (const c of Object.values(s.conditions)) c.strength = 0;
    for (let t = 0; t < 4 * MINUTES_PER_WEEK; t += 30) {
      s.now = t;
      chaosCheck(s);
    }
    expect(s.incidentOrder.filter((id) => !s.incidents[id]?.prior)).toEqual([]);
    expect(s.totals.nearMisses).toBe(0);
  });

  it('near misses go unreported where nobody trusts the process', () => {
    const s = world(3);
    for (const e of Object.values(s.engineers)) e.trust = 0;
    for (let t = 0; t < 12 * MINUTES_PER_WEEK; t += 30) {
      s.now = t;
      chaosCheck(s);
      s.openIncidents = [];
    }
    expect(s.totals.nearMisses).toBeGreaterThan(0);
    expect(s.totals.nearMissesReported).toBe(0);
    expect(Object.keys(s.nearMisses)).toEqual([]);
  });

  it('with full trust every near miss is reported', () => {
    const s = world(3);
    for (const e of Object.values(s.engineers)) e.trust = 1;
    for (let t = 0; t < 12 * MINUTES_PER_WEEK; t += 30) {
      s.now = t;
      chaosCheck(s);
      s.openIncidents = [];
    }
    expect(s.totals.nearMisses).toBeGreaterThan(0);
    expect(s.totals.nearMissesReported).toBe(s.totals.nearMisses);
    expect(Object.keys(s.nearMisses)).toHaveLength(s.totals.nearMisses);
  });
});
