import { describe, expect, it } from 'vitest';
import { scoreCard } from '../../src/sim';
import { closeActionItem, fileActionItem } from '../../src/sim/rules/actionItems';
import { burnOut } from '../../src/sim/rules/people';
import { scoreWeights } from '../../src/sim/rules/scoreWeights';
import { quantile } from '../../src/sim/rules/scoring';
import { must, world } from './fixtures';

describe('score card: what actually matters', () => {
  it('a fresh world has a perfect dashboard and a score that adds up', () => {
    const s = world();
    const card = scoreCard(s);
    expect(card.dashboard.availability).toBe(1);
    expect(card.dashboard.nines).toBe(6);
    expect(card.dashboard.medianResolve).toBeNull();
    expect(card.score).toBeCloseTo(card.learning.points + card.sustainability.points + card.customers.points, 9);
  });

  it('closing an action item earns learning points; filing one earns nothing', () => {
    const s = world();
    const start = scoreCard(s).learning.points;
    const item = must(
      fileActionItem(s, {
        retroId: null,
        factorId: null,
        factorKey: 'condition',
        conditionId: 'queue:config:1',
        service: 'queue',
        type: 'prevent',
      }),
    );
    expect(scoreCard(s).learning.points).toBe(start);
    s.now = 600;
    closeActionItem(s, item);
    const card = scoreCard(s);
    expect(card.learning.actionItemsClosed).toBe(1);
    expect(card.learning.points).toBeGreaterThanOrEqual(start + scoreWeights.learning.actionItemClosed);
  });

  it('a closed item whose failure comes back no longer counts as behaviour that stuck', () => {
    const s = world();
    const item = must(
      fileActionItem(s, {
        retroId: null,
        factorId: null,
        factorKey: 'condition',
        conditionId: 'queue:config:1',
        service: 'queue',
        type: 'mitigate',
      }),
    );
    s.now = 600;
    closeActionItem(s, item);
    expect(scoreCard(s).learning.behaviourStuck).toBe(1);
    s.incidents['inc-x'] = { conditionId: 'queue:config:1', startedAt: 900 } as never;
    s.incidentOrder.push('inc-x');
    expect(scoreCard(s).learning.behaviourStuck).toBe(0);
  });

  it('a burnout costs sustainability points', () => {
    const s = world();
    const before = scoreCard(s).sustainability.points;
    burnOut(s, must(s.engineers.gus));
    const after = scoreCard(s).sustainability;
    expect(after.burnouts).toBe(1);
    expect(after.points).toBeLessThan(before);
    expect(after.points).toBeCloseTo(before + scoreWeights.sustainability.burnout, 9);
  });

  it('toil over one half and shifts over budget cost sustainability points', () => {
    const s = world();
    const base = scoreCard(s).sustainability.points;
    s.totals.workHours = 100;
    s.totals.toilHours = 70;
    expect(scoreCard(s).sustainability.points).toBeLessThan(base);
    s.totals.toilHours = 30;
    s.totals.shiftsCounted = 10;
    s.totals.shiftsWithinBudget = 5;
    expect(scoreCard(s).sustainability.points).toBeLessThan(base);
  });

  it('customer trust and shipped value count for customers', () => {
    const s = world();
    const base = scoreCard(s).customers.points;
    s.customerTrust = 0.4;
    expect(scoreCard(s).customers.points).toBeLessThan(base);
    s.customerTrust = 0.8;
    s.totals.businessValue = 500;
    expect(scoreCard(s).customers.points).toBeGreaterThan(base);
  });

  it('downtime lowers availability; resolve times are summarised', () => {
    const s = world();
    s.now = 10_000;
    s.totals.downMinutes = 50;
    const card = scoreCard(s);
    expect(card.dashboard.availability).toBeLessThan(1);
    expect(card.dashboard.nines).toBeGreaterThan(0);
    expect(card.dashboard.nines).toBeLessThan(6);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4, 100], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 100], 0.9)).toBe(100);
  });
});
