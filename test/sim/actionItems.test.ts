import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionType, FactorKey, SimState } from '../../src/sim';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from '../../src/sim';
import { closeActionItem, fileActionItem, plansFor } from '../../src/sim/rules/actionItems';
import { hazard } from '../../src/sim/rules/chaos';
import { must, world } from './fixtures';

const FACTOR_KEYS: FactorKey[] = [
  'condition',
  'runbook-stale',
  'single-knower',
  'late-alert',
  'handoff-lost',
  'hero',
  'cross-team',
  'recent-deploy',
  'fatigue',
  'freelancing',
  'wrong-mitigation',
  'sibling-condition',
];

function file(s: SimState, key: FactorKey, type: ActionType, conditionId: string | null, service = 'queue') {
  return fileActionItem(s, { retroId: null, factorId: null, factorKey: key, conditionId, service, type });
}

describe('action items', () => {
  it('every factor leads to at least one typed plan with a cost', () => {
    const s = world();
    for (const key of FACTOR_KEYS) {
      const plans = plansFor(key, 'queue', 'config', s);
      expect(plans.length, key).toBeGreaterThan(0);
      for (const p of plans) {
        expect(['prevent', 'mitigate', 'repair']).toContain(p.type);
        expect(p.costDays).toBeGreaterThan(0);
        expect(p.title).toMatch(/\S/);
      }
    }
    expect(plansFor('condition', 'queue', 'config', s).map((p) => p.type)).toEqual(['prevent', 'mitigate']);
  });

  it('an item that does not fit its factor is not filed', () => {
    const s = world();
    expect(file(s, 'condition', 'repair', 'queue:config:1')).toBeNull();
    expect(file(s, 'late-alert', 'prevent', null)).toBeNull();
    expect(file(s, 'condition', 'prevent', 'queue:config:1', 'nope')).toBeNull();
    expect(Object.keys(s.actionItems)).toEqual([]);
  });

  it('a filed item belongs to the team that owns the service', () => {
    const s = world();
    const item = must(file(s, 'condition', 'prevent', 'queue:config:1'));
    expect(item.team).toBe('data');
    expect(item.status).toBe('open');
    expect(must(s.engineers[item.owner]).team).toBe('data');
    expect(item.costDays * 8).toBeGreaterThan(0);
  });

  it('closing a prevent item removes the condition; a mitigate item weakens it', () => {
    const s = world();
    const prevent = must(file(s, 'condition', 'prevent', 'queue:config:1'));
    const mitigate = must(file(s, 'condition', 'mitigate', 'queue:retry-storm:0'));
    s.now = MINUTES_PER_WEEK;
    closeActionItem(s, prevent);
    closeActionItem(s, mitigate);
    expect(must(s.conditions['queue:config:1']).strength).toBe(0);
    expect(must(s.conditions['queue:retry-storm:0']).strength).toBeCloseTo(0.4, 12);
    expect(prevent.status).toBe('closed');
    expect(prevent.closedAt).toBe(MINUTES_PER_WEEK);
    expect(s.totals.actionItemsClosed).toBe(2);
    expect(must(s.services.queue).lastTouchedAt).toBe(MINUTES_PER_WEEK);
  });

  it('repairs improve what made the response hard', () => {
    const s = world();
    const svc = must(s.services.queue);
    const runbook = svc.runbook;
    const observability = svc.observability;
    closeActionItem(s, must(file(s, 'runbook-stale', 'repair', null)));
    expect(svc.runbook).toBeCloseTo(runbook + 0.3, 12);
    closeActionItem(s, must(file(s, 'late-alert', 'repair', null)));
    expect(svc.observability).toBeCloseTo(observability + 0.25, 12);
    const before = Object.values(s.engineers).filter((e) => e.team === 'data' && (e.knowledge.queue ?? 0) >= 0.5);
    closeActionItem(s, must(file(s, 'single-knower', 'repair', null)));
    const after = Object.values(s.engineers).filter((e) => e.team === 'data' && (e.knowledge.queue ?? 0) >= 0.5);
    expect(after.length).toBeGreaterThan(before.length);
    closeActionItem(s, must(file(s, 'freelancing', 'repair', null)));
    for (const e of Object.values(s.engineers).filter((x) => x.team === 'data'))
      expect(e.practised).toContain('commander');
  });

  it('closing an item never raises the hazard of any condition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FACTOR_KEYS),
        fc.constantFrom<ActionType>('prevent', 'mitigate', 'repair'),
        fc.constantFrom(...Object.keys(world().conditions)),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 8 * MINUTES_PER_WEEK }),
        fc.integer({ min: 0, max: 3 * MINUTES_PER_DAY }),
        fc.option(fc.integer({ min: 0, max: 2 * MINUTES_PER_DAY })),
        (key, type, conditionId, strength, now, touchedAgo, deployAgo) => {
          const s = world();
          const c = must(s.conditions[conditionId]);
          c.strength = strength;
          const svc = must(s.services[c.service]);
          s.now = now;
          svc.lastTouchedAt = Math.max(0, now - touchedAgo);
          svc.lastDeployAt = deployAgo === null ? null : now - deployAgo;
          const withCondition = key === 'condition' || key === 'sibling-condition';
          const item = file(s, key, type, withCondition ? conditionId : null, c.service);
          fc.pre(item !== null);
          const before = Object.values(s.conditions).map((x) => hazard(s, x, now));
          closeActionItem(s, must(item));
          const after = Object.values(s.conditions).map((x) => hazard(s, x, now));
          after.forEach((h, i) => {
            expect(h).toBeLessThanOrEqual(must(before[i]) + 1e-15);
          });
          if (withCondition && type === 'prevent') expect(hazard(s, c, now)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
