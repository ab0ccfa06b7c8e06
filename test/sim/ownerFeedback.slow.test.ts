import { describe, expect, it } from 'vitest';
import { type OwnershipModel, policies, type SimState } from '../../src/sim';
import { resolveIncident } from '../../src/sim/rules/incident';
import { fadeOwnerFeedback, feedBackToOwners, newWeaknessChance } from '../../src/sim/rules/ownership';
import { onCall, pagerTeamFor } from '../../src/sim/rules/rotation';
import { runRound } from '../../src/sim/runRound';
import { tuning } from '../../src/sim/tuning';
import { fireOn, must, scenario, world } from './fixtures';

/** A fire on a service, answered and worked by whoever carries its pager under the model. */
function handledFire(s: SimState, service: string) {
  const inc = fireOn(s, service);
  const carrier = must(onCall(s, inc.pagerTeam, s.now).primary);
  inc.pagedTo = carrier.id;
  inc.responders = [carrier.id];
  return inc;
}

describe('you build it, you run it: a feedback loop per service, not a switch', () => {
  it('a page handled by the owning team feeds back into that service only', () => {
    const s = world(1);
    expect(s.ownership).toBe('you-build-it');
    resolveIncident(s, handledFire(s, 'payments'));
    expect(must(s.services.payments).ownerFeedback).toBeCloseTo(tuning.ownerFeedbackPerPage, 9);
    expect(must(s.services.checkout).ownerFeedback ?? 0).toBe(0);
    expect(newWeaknessChance(s, 'payments')).toBeLessThan(newWeaknessChance(s, 'checkout'));
    expect(newWeaknessChance(s, 'checkout')).toBe(tuning.deployConditionChance);
    // More pages, more feedback, never past one.
    for (let i = 0; i < 30; i++) feedBackToOwners(s, handledFire(s, 'payments'));
    const fb = must(s.services.payments).ownerFeedback ?? 0;
    expect(fb).toBeGreaterThan(0.9);
    expect(fb).toBeLessThanOrEqual(1);
    // It fades slowly: half in the half-life.
    for (let d = 0; d < tuning.ownerFeedbackHalfLifeDays; d++) fadeOwnerFeedback(s);
    expect(must(s.services.payments).ownerFeedback).toBeCloseTo(fb / 2, 6);
  });

  it('an ops team behind the wall gives the developers no feedback', () => {
    const s = world(1);
    s.ownership = 'ops-team';
    const inc = handledFire(s, 'payments');
    expect(inc.pagerTeam).toBe('sre');
    feedBackToOwners(s, inc);
    expect(must(s.services.payments).ownerFeedback ?? 0).toBe(0);
  });

  it('hybrid: only services whose owning team carries the pager learn', () => {
    const s = world(1);
    s.ownership = 'hybrid';
    expect(pagerTeamFor(s, 'payments')).toBe('sre');
    expect(pagerTeamFor(s, 'queue')).toBe('data');
    feedBackToOwners(s, handledFire(s, 'payments'));
    feedBackToOwners(s, handledFire(s, 'queue'));
    expect(must(s.services.payments).ownerFeedback ?? 0).toBe(0);
    expect(must(s.services.queue).ownerFeedback).toBeGreaterThan(0);
  });

  it("over a quarter, paged developers' services gain fewer new weaknesses than under an ops team (same seeds)", () => {
    const SEEDS = [1, 2, 3, 4];
    const newWeaknesses = (model: OwnershipModel) => {
      const perSeed: number[] = [];
      let deploys = 0;
      for (const seed of SEEDS) {
        const s = runRound(scenario('platform'), {
          fast: true,
          seed,
          weeks: 13,
          policy: must(policies.careful),
          ownership: model,
        });
        const devServices = s.serviceOrder.filter((id) => s.teams[must(s.services[id]).team]?.kind === 'dev');
        perSeed.push(
          Object.values(s.conditions).filter((c) => c.origin === 'deploy' && devServices.includes(c.service)).length,
        );
        deploys += devServices.reduce((sum, id) => sum + must(s.services[id]).deploys, 0);
      }
      const total = perSeed.reduce((a, b) => a + b, 0);
      return { perSeed, total, perDeploy: total / deploys };
    };
    const owners = newWeaknesses('you-build-it');
    const wall = newWeaknesses('ops-team');
    for (const [i, seed] of SEEDS.entries()) {
      expect(must(owners.perSeed[i]), `seed ${seed}`).toBeLessThan(must(wall.perSeed[i]));
    }
    expect(owners.total).toBeLessThan(wall.total * 0.7);
    expect(owners.perDeploy).toBeLessThan(wall.perDeploy * 0.75);
  }, 300_000);
});
