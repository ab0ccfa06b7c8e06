import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK } from '../../src/sim';
import { deploy, staleActionItems, toilShare, velocity, workHour } from '../../src/sim/rules/work';
import { must, world } from './fixtures';

describe('toil', () => {
  it('grows with the services a team looks after and shrinks with more people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), (services, people) => {
        const t = toilShare(services, people);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(1);
        expect(toilShare(services + 1, people)).toBeGreaterThanOrEqual(t);
        expect(toilShare(services, people + 1)).toBeLessThanOrEqual(t);
      }),
      { numRuns: 25 },
    );
    expect(toilShare(3, 0)).toBe(1);
    expect(toilShare(4, 2)).toBeGreaterThan(toilShare(1, 2));
  });

  it('above one half it drags feature velocity; morale lifts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5001, max: 1, noNaN: true }),
        (m, toil) => {
          expect(velocity(m, toil)).toBeCloseTo(velocity(m, 0.5) * 0.7, 12);
          expect(velocity(m, toil)).toBeLessThan(velocity(m, 0.3));
        },
      ),
      { numRuns: 25 },
    );
    expect(velocity(0.9, 0.2)).toBeGreaterThan(velocity(0.2, 0.2));
    expect(velocity(0.5, 0.5)).toBe(velocity(0.5, 0));
  });
});

describe('work hours', () => {
  it('pays owed hours before features, and ships value', () => {
    const s = world(1);
    s.now = MINUTES_PER_DAY + 10 * MINUTES_PER_HOUR;
    must(s.teams.web).owedHours = 2;
    workHour(s);
    expect(must(s.teams.web).owedHours).toBe(0);
    expect(must(s.teams.web).toilShare).toBeGreaterThan(0);
    expect(s.totals.businessValue).toBeGreaterThan(0);
    expect(s.totals.workHours).toBe(Object.keys(s.engineers).length);
  });

  it('a deploy ships and records itself, and may bring a new latent condition', () => {
    const s = world(1);
    s.now = 2 * MINUTES_PER_DAY;
    const before = Object.keys(s.conditions).length;
    for (let i = 0; i < 40; i++) {
      deploy(s, 'checkout');
      expect(must(s.services.checkout).lastDeployAt).toBe(s.now);
      expect(must(s.services.checkout).lastTouchedAt).toBe(s.now);
    }
    const added = Object.keys(s.conditions).length - before;
    expect(must(s.services.checkout).deploys).toBe(40);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(40);
    for (const c of Object.values(s.conditions).filter((c) => c.origin === 'deploy')) {
      expect(c.service).toBe('checkout');
      expect(c.revealed).toBe(false);
      expect(s.streams[`chaos:${c.id}`]).toBeTypeOf('string');
    }
  });

  it('untouched action items go stale after three weeks', () => {
    const s = world(1);
    s.actionItems['ai-1'] = {
      id: 'ai-1',
      retroId: null,
      factorId: null,
      factorKey: 'condition',
      conditionId: null,
      service: 'queue',
      team: 'data',
      type: 'repair',
      owner: 'gus',
      title: 't',
      costDays: 1,
      doneHours: 0,
      status: 'open',
      createdAt: 0,
      closedAt: null,
      lastWorkedAt: 0,
    };
    s.now = 3 * MINUTES_PER_WEEK;
    staleActionItems(s);
    expect(must(s.actionItems['ai-1']).status).toBe('open');
    s.now += 1;
    staleActionItems(s);
    expect(must(s.actionItems['ai-1']).status).toBe('stale');
  });
});
