import { describe, expect, it } from 'vitest';
import { conditionRisk, type Factor } from '../../src/sim';
import { factorStake, offerGain, teamHours } from '../../src/ui/retro/retroStakes';
import { must, world } from '../sim/fixtures';

describe('what a retro’s choices are worth', () => {
  const s = world(4);
  const cond = must(Object.values(s.conditions).find((c) => c.service === 'checkout' && c.origin === 'scenario'));
  const factor: Factor = {
    id: 'f1',
    key: 'condition',
    conditionId: cond.id,
    service: 'checkout',
    text: 'x',
    depth: 1,
    hidden: false,
  };
  const offer = (type: 'prevent' | 'mitigate', costDays: number) => ({ type, title: 't', costDays, already: null });
  const removed = (text: string) => Number(/removes ~([\d.]+)/.exec(text)?.[1]);

  it('names the risk at stake, and a guard takes away less of it than removing the weakness', () => {
    expect(factorStake(s, factor)).toContain('At stake: about');
    const prevent = removed(offerGain(s, factor, offer('prevent', 2.5)));
    const guard = removed(offerGain(s, factor, offer('mitigate', 0.5)));
    expect(prevent).toBeCloseTo(conditionRisk(s, cond), 0);
    expect(guard).toBeLessThan(prevent);
    expect(guard).toBeGreaterThan(0);
    // Once guarded, guarding again is worth little.
    cond.weakened = [{ at: 0, by: 'item', id: 'i', title: 't', strengthBefore: 1, strengthAfter: 0.4 }];
    expect(removed(offerGain(s, factor, offer('mitigate', 0.5)))).toBeLessThan(guard);
  });

  it('says how many hours the owning team has for items, from its people, toil and focus', () => {
    const team = must(s.teams.web);
    team.reliabilityShare = 0.1;
    const some = teamHours(s, 'web');
    team.reliabilityShare = 0.4;
    const more = teamHours(s, 'web');
    const hours = (t: string) => Number(/about (\d+) hours/.exec(t)?.[1]);
    expect(hours(more)).toBeGreaterThan(hours(some));
    expect(hours(some)).toBeGreaterThan(0);
  });
});
