import { describe, expect, it } from 'vitest';
import { createSimulation, scoreCard } from '../../src/sim';
import { closeActionItem, fileActionItem } from '../../src/sim/rules/actionItems';
import { resolveIncident } from '../../src/sim/rules/incident';
import { burnOut } from '../../src/sim/rules/people';
import { conditionRisk, relapseFactor, riskAhead } from '../../src/sim/rules/risk';
import { scoreWeights } from '../../src/sim/rules/scoreWeights';
import { quantile } from '../../src/sim/rules/scoring';
import { tuning } from '../../src/sim/tuning';
import { advanceUntil, fireOn, must, ok, scenario, world } from './fixtures';

const item = (s: ReturnType<typeof world>, conditionId: string, type: 'prevent' | 'mitigate') =>
  must(
    fileActionItem(s, {
      retroId: null,
      factorId: null,
      factorKey: 'condition',
      conditionId,
      service: must(s.conditions[conditionId]).service,
      type,
    }),
  );

describe('score card: every point traces to an effect', () => {
  it('starts at zero before anyone has done anything, and adds up', () => {
    for (const id of ['platform', 'startup', 'scaleup'] as const) {
      const card = scoreCard(world(1, id));
      expect(card.score).toBe(0);
      expect(card.learning.points).toBe(0);
    }
    const card = scoreCard(world());
    expect(card.dashboard.availability).toBe(1);
    expect(card.score).toBeCloseTo(card.learning.points + card.sustainability.points + card.customers.points, 9);
  });

  it('filing an item earns nothing; closing it earns the harm it removed from the rest of the round', () => {
    const s = world();
    const c = must(s.conditions['queue:config:1']);
    expect(conditionRisk(s, c)).toBeGreaterThan(0);
    const it1 = item(s, c.id, 'prevent');
    expect(scoreCard(s).score).toBe(0);
    s.now = 600;
    const risk = riskAhead(s, c);
    closeActionItem(s, it1);
    expect(c.strength).toBe(0);
    expect(scoreCard(s).learning.riskRemoved).toBeCloseTo(risk, 9);
    expect(scoreCard(s).learning.points).toBeCloseTo(scoreWeights.learning.riskRemoved * risk, 9);
  });

  it('re-fixing a condition that is already negligible is worth about nothing: repeats have diminishing returns', () => {
    const s = world();
    const c = must(s.conditions['queue:config:1']);
    const gains: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = scoreCard(s).learning.riskRemoved;
      closeActionItem(s, item(s, c.id, 'mitigate'));
      gains.push(scoreCard(s).learning.riskRemoved - before);
    }
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThan(must(gains[i - 1]));
    expect(must(gains.at(-1))).toBeLessThan(must(gains[0]) * 0.05);
    // All of it together is never worth more than removing the condition once.
    const once = world();
    closeActionItem(once, item(once, 'queue:config:1', 'prevent'));
    expect(scoreCard(s).learning.riskRemoved).toBeLessThanOrEqual(scoreCard(once).learning.riskRemoved + 1e-9);
  });

  it('a condition that fired and was only mitigated comes back more readily until an item closes on it', () => {
    const s = world();
    const inc = fireOn(s, 'queue', 'config');
    s.now = 300;
    resolveIncident(s, inc);
    const c = must(s.conditions[inc.conditionId]);
    expect(relapseFactor(c, s.now + 60)).toBeGreaterThan(3);
    expect(relapseFactor(c, s.now + (tuning.relapseDays + 1) * 1440)).toBe(1);
    closeActionItem(s, item(s, c.id, 'mitigate'));
    expect(relapseFactor(c, s.now + 60)).toBe(1);
  });

  it('a staged (injected) fire leaves no risk behind to farm', () => {
    const s = createSimulation(scenario(), { seed: 3 });
    ok(s, { type: 'injectIncident', service: 'queue', kind: 'capacity', staged: true });
    const inc = must(s.snapshot().incidents[must(s.snapshot().incidentOrder.at(-1))]);
    expect(conditionRisk(s.snapshot(), must(s.snapshot().conditions[inc.conditionId]))).toBe(0);
  });

  it('a status update helps once per stretch of an incident, not per click', () => {
    const s = createSimulation(scenario(), { seed: 3 });
    ok(s, { type: 'injectIncident', service: 'queue', kind: 'capacity', staged: true });
    const incident = must(s.snapshot().incidentOrder.at(-1));
    advanceUntil(s, (snap) => snap.incidents[incident]?.phase !== 'undetected');
    ok(s, { type: 'postStatus', incident });
    const trust = s.snapshot().customerTrust;
    for (let i = 0; i < 10; i++) expect(s.dispatch({ type: 'postStatus', incident }).ok).toBe(false);
    expect(s.snapshot().customerTrust).toBe(trust);
    s.advance(31);
    if (s.snapshot().incidents[incident]?.phase !== 'resolved') ok(s, { type: 'postStatus', incident });
  });

  it('sustainability is counted per person: a burnout and pages over budget cost points', () => {
    const s = world();
    burnOut(s, must(s.engineers.gus));
    const after = scoreCard(s).sustainability;
    expect(after.burnouts).toBe(1);
    expect(after.points).toBeCloseTo(scoreWeights.sustainability.burnout, 9);
    must(s.totals.effects).pagesOverBudget = 3;
    expect(scoreCard(s).sustainability.points).toBeCloseTo(
      scoreWeights.sustainability.burnout + 3 * scoreWeights.sustainability.pageOverBudget,
      9,
    );
  });

  it('one team above half toil shows, even when the organization as a whole does not', () => {
    const s = world();
    must(s.totals.effects).toilOverHalfHours = 200;
    must(s.teams.data).toilShare = 0.7;
    const card = scoreCard(s);
    expect(card.sustainability.points).toBeLessThan(0);
    expect(card.sustainability.worstTeam).toBe('data');
  });

  it('customers: minutes lost and lost trust cost; value shipped earns', () => {
    const s = world();
    s.totals.customerMinutes = 100;
    expect(scoreCard(s).customers.points).toBeCloseTo(100 * scoreWeights.customers.customerMinute, 9);
    s.customerTrust -= 0.1;
    expect(scoreCard(s).customers.points).toBeLessThan(100 * scoreWeights.customers.customerMinute);
    s.totals.businessValue = 1000;
    expect(scoreCard(s).customers.points).toBeGreaterThan(-20);
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
