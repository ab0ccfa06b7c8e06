import { describe, expect, it } from 'vitest';
import { type Engineer, MINUTES_PER_HOUR, MINUTES_PER_WEEK, type OwnershipModel, policies } from '../../src/sim';
import { newEngineer } from '../../src/sim/model/createWorld';
import { closeOnCallWeek, pagerStrain } from '../../src/sim/rules/pagerLoad';
import { closeShift, fatigueDelta, moraleTarget } from '../../src/sim/rules/people';
import { runRound } from '../../src/sim/runRound';
import { tuning } from '../../src/sim/tuning';
import { must, scenario, world } from './fixtures';

const person = (over: Partial<Engineer> = {}): Engineer => ({
  ...newEngineer('p', 'P', 'web', 'HQ', {}, 0),
  ...over,
});

const SCENARIOS = ['startup', 'platform', 'scaleup'] as const;
const SEEDS = [1, 2, 3];

describe('the pager budget, per person', () => {
  it('interruptions per month strain morale from the PagerDuty marks: 2 healthy, 7 bad, 19 a burnout sign', () => {
    const strain = (n: number) => pagerStrain(person({ pagesThisMonth: n }));
    expect(strain(0)).toBe(0);
    expect(strain(2)).toBe(0);
    expect(strain(7)).toBeCloseTo(tuning.interruptionMarks.badStrain, 9);
    expect(strain(19)).toBeCloseTo(tuning.interruptionMarks.burnoutStrain, 9);
    for (let n = 0; n < 30; n++) expect(strain(n + 1)).toBeGreaterThanOrEqual(strain(n));
    const calm = moraleTarget(person({ pagesThisMonth: 2 }), 0.3, 0, 0.5);
    expect(moraleTarget(person({ pagesThisMonth: 19 }), 0.3, 0, 0.5)).toBeLessThan(calm - 0.3);
  });

  it('being on call at home with no page costs a little sleep, never enough to wear anyone out within budget', () => {
    // Three weeks on call in a row (the most the budget allows), every night, not one page.
    const onCall = person({ fatigue: 0.3, onCallWeeksInRow: tuning.onCallWeeksInRowBudget });
    const off = person({ fatigue: 0.3 });
    for (let h = 0; h < 3 * 7 * 24; h++) {
      const night = h % 24 >= 23 || h % 24 < 7;
      onCall.fatigue = Math.min(1, Math.max(0, onCall.fatigue + fatigueDelta(onCall, night, false, true, false)));
      off.fatigue = Math.min(1, Math.max(0, off.fatigue + fatigueDelta(off, night, false, false, false)));
    }
    expect(onCall.fatigue).toBeLessThan(0.3);
    expect(onCall.fatigue).toBeLessThan(tuning.burnoutFatigue / 2);
    // ...yet the same nights without the pager rest more.
    expect(fatigueDelta(onCall, true, false, true, false)).toBeGreaterThan(
      fatigueDelta(off, true, false, false, false),
    );
  });

  it('pages beyond the shift budget pile fatigue on the person who took them; within it they do not', () => {
    const s = world(1);
    const within = must(s.engineers.ada);
    const over = must(s.engineers.bao);
    within.fatigue = 0.2;
    over.fatigue = 0.2;
    within.pagesThisShift = tuning.pagerBudgetPerShift;
    over.pagesThisShift = tuning.pagerBudgetPerShift + 2;
    s.now = 20 * MINUTES_PER_HOUR;
    closeShift(s);
    expect(within.fatigue).toBe(0.2);
    expect(over.fatigue).toBeCloseTo(0.2 + 2 * tuning.fatiguePerPageOverBudget, 9);
    // Both shifts join the month's count of interruptions.
    expect(within.pagesThisMonth).toBe(tuning.pagerBudgetPerShift);
    expect(over.pagesThisMonth).toBe(tuning.pagerBudgetPerShift + 2);
    expect(over.pagesThisShift).toBe(0);
  });

  it('weeks on call in a row are counted, and a week off ends the run', () => {
    const s = world(1);
    const ada = must(s.engineers.ada);
    for (let w = 1; w <= 5; w++) {
      ada.onCallHoursThisWeek = w === 5 ? 0 : 7 * 24;
      s.now = w * MINUTES_PER_WEEK;
      closeOnCallWeek(s);
      expect(ada.onCallWeeksInRow).toBe(w === 5 ? 0 : w);
    }
    expect(pagerStrain(person({ onCallWeeksInRow: 6 }))).toBeGreaterThan(pagerStrain(person({ onCallWeeksInRow: 3 })));
  });
});

describe('over a quarter (13 weeks)', () => {
  const burnouts = (id: (typeof SCENARIOS)[number], policy: string, seed: number, ownership?: OwnershipModel) =>
    runRound(scenario(id), {
      fast: true,
      seed,
      weeks: 13,
      policy: must(policies[policy]),
      ...(ownership ? { ownership } : {}),
    }).totals.burnouts;

  it('a rotation within the pager budget burns out nobody, on every built-in scenario', () => {
    for (const id of SCENARIOS) {
      for (const seed of SEEDS) {
        // The careful responder holds no retros, so nothing learned lightens the pager.
        expect(burnouts(id, 'careful', seed), `${id} seed ${seed}`).toBe(0);
      }
    }
  }, 300_000);

  it('one hero on every pager burns people out, on every built-in scenario', () => {
    for (const id of SCENARIOS) {
      // The scale-up's ops team follows the sun, so nobody there can hold a night pager; its
      // developers carry their own pagers here.
      const ownership = id === 'scaleup' ? 'you-build-it' : undefined;
      for (const seed of SEEDS) {
        expect(burnouts(id, 'hero-on-call', seed, ownership), `${id} seed ${seed}`).toBeGreaterThanOrEqual(1);
      }
    }
  }, 300_000);
});
