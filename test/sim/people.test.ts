import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Engineer, MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK } from '../../src/sim';
import { newEngineer } from '../../src/sim/model/createWorld';
import { openIncidents } from '../../src/sim/model/world';
import { tickIncident } from '../../src/sim/rules/incidentTick';
import {
  burnOut,
  closeShift,
  dailyPeople,
  fatigueDelta,
  hireWhereDue,
  hourlyPeople,
  moraleTarget,
} from '../../src/sim/rules/people';
import { onCall } from '../../src/sim/rules/rotation';
import { fireOn, must, ringNow, world } from './fixtures';

const person = (over: Partial<Engineer> = {}): Engineer => ({
  ...newEngineer('p', 'P', 'web', 'HQ', {}, 0),
  ...over,
});

describe('fatigue', () => {
  it('a night page costs more than a night on call, which costs more than a night off', () => {
    const e = person();
    const nightPage = fatigueDelta(e, true, false, true, true);
    const onCallNight = fatigueDelta(e, true, false, true, false);
    const offNight = fatigueDelta(e, true, false, false, false);
    expect(nightPage).toBeGreaterThan(onCallNight);
    expect(onCallNight).toBeGreaterThan(offNight);
    // Sleep without a pager restores; carrying the pager costs some of that rest even with no page,
    // but within the budget it is still rest [SLEEP].
    expect(offNight).toBeLessThan(0);
    expect(onCallNight).toBeLessThan(0);
    // Week after week on call without a break, a night on call stops being rest at all.
    const neverOff = person({ onCallWeeksInRow: 10 });
    expect(fatigueDelta(neverOff, true, false, true, false)).toBeGreaterThan(0);
    expect(fatigueDelta(person({ onCallWeeksInRow: 3 }), true, false, true, false)).toBe(onCallNight);
  });

  it('responding by day is cheaper than responding by night', () => {
    const e = person();
    expect(fatigueDelta(e, false, false, true, true)).toBeLessThan(fatigueDelta(e, true, false, true, true));
  });

  it('a weekend off restores, and nights and weekends on call cost more than off', () => {
    fc.assert(
      fc.property(
        fc.constantFrom([true, false], [false, true], [true, true]),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([night, weekend], morale) => {
          const e = person({ morale });
          expect(fatigueDelta(e, night, weekend, true, false)).toBeGreaterThan(
            fatigueDelta(e, night, weekend, false, false),
          );
        },
      ),
      { numRuns: 25 },
    );
    expect(fatigueDelta(person(), false, true, false, false)).toBeLessThan(0);
  });

  it('an hour of the world keeps fatigue within [0, 1]', () => {
    const s = world(1);
    for (const e of Object.values(s.engineers)) e.fatigue = e.id < 'f' ? 1 : 0;
    for (let h = 0; h < 48; h++) {
      s.now = h * MINUTES_PER_HOUR;
      hourlyPeople(s);
      for (const e of Object.values(s.engineers)) {
        expect(e.fatigue).toBeGreaterThanOrEqual(0);
        expect(e.fatigue).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the people on call lose more sleep overnight than those who are not', () => {
    const s = world(1);
    const crew = onCall(s, 'data', 0);
    const primary = must(crew.primary).id;
    const off = must(
      Object.values(s.engineers).find((e) => e.team === 'data' && e.id !== primary && e.id !== crew.secondary?.id),
    ).id;
    for (let h = 0; h < 6; h++) {
      s.now = h * MINUTES_PER_HOUR;
      hourlyPeople(s);
    }
    expect(must(s.engineers[primary]).fatigue).toBeGreaterThan(must(s.engineers[off]).fatigue);
  });
});

describe('morale', () => {
  const base = { e: person({ fatigue: 0.2, trust: 0.6 }), toil: 0.3, over: 0, culture: 0.5 };
  const target = (o: Partial<typeof base> = {}) => {
    const x = { ...base, ...o };
    return moraleTarget(x.e, x.toil, x.over, x.culture);
  };

  it('sags with exhaustion, toil over one half, shifts over budget and low trust', () => {
    const ok = target();
    expect(target({ e: person({ fatigue: 0.9, trust: 0.6 }) })).toBeLessThan(ok);
    expect(target({ toil: 0.8 })).toBeLessThan(ok);
    expect(target({ toil: 0.5 })).toBe(ok);
    expect(target({ over: 0.6 })).toBeLessThan(ok);
    expect(target({ over: 0.3 })).toBe(ok);
    expect(target({ e: person({ fatigue: 0.2, trust: 0.1 }) })).toBeLessThan(ok);
  });

  it('rises with a generative culture', () => {
    expect(target({ culture: 0.9 })).toBeGreaterThan(target({ culture: 0.1 }));
  });

  it('always lies in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (fatigue, trust, toil, over, culture) => {
          const m = moraleTarget(person({ fatigue, trust }), toil, over, culture);
          expect(m).toBeGreaterThanOrEqual(0);
          expect(m).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('daily morale moves toward the target', () => {
    const s = world(1);
    const e = must(s.engineers.ada);
    e.morale = 1;
    const goal = moraleTarget(e, must(s.teams.web).toilShare, 0, must(s.teams.web).culture);
    s.now = MINUTES_PER_DAY;
    dailyPeople(s);
    expect(e.morale).toBeLessThan(1);
    expect(e.morale).toBeGreaterThan(goal);
  });
});

describe('burnout and hiring', () => {
  it('a burnout takes the person and their knowledge away, and starts a hire', () => {
    const s = world(1);
    s.now = 3 * MINUTES_PER_DAY;
    const inc = fireOn(s, 'pantry-db', 'capacity');
    inc.phase = 'investigating';
    inc.responders = ['esi', 'gus'];
    burnOut(s, must(s.engineers.esi));
    expect(must(s.engineers.esi).status).toBe('left');
    expect(s.totals.burnouts).toBe(1);
    expect(inc.responders).toEqual(['gus']);
    expect(must(s.teams.data).hiringUntil).toBe(s.now + 3 * MINUTES_PER_WEEK);
    expect(onCall(s, 'data', s.now).primary?.id).not.toBe('esi');
    expect(onCall(s, 'data', s.now).secondary?.id).not.toBe('esi');

    s.now = must(must(s.teams.data).hiringUntil);
    hireWhereDue(s);
    const hire = must(s.engineers[must(s.engineerOrder.at(-1))]);
    expect(hire.team).toBe('data');
    expect(hire.status).toBe('active');
    expect(hire.knowledge['pantry-db']).toBe(0.1);
    expect(s.totals.hires).toBe(1);
    expect(must(s.teams.data).hiringUntil).toBeNull();
    for (const w of must(s.rotation.byTeam.data)) {
      expect(w.primary).not.toBe('esi');
      expect(w.secondary).not.toBe('esi');
    }
  });

  it('someone who burns out while their page is ringing never answers it', () => {
    const s = world(1);
    // Tuesday 23:50: the page rings just before the daily reckoning at midnight.
    s.now = MINUTES_PER_DAY + 23 * MINUTES_PER_HOUR + 50;
    const inc = fireOn(s, 'pantry-db', 'capacity');
    ringNow(s, inc);
    const paged = must(s.engineers[must(inc.pagedTo)]);
    expect(inc.phase).toBe('paged');
    burnOut(s, paged);
    // The page moves on at once to someone still here.
    expect(inc.pagedTo).not.toBe(paged.id);
    expect(must(s.engineers[must(inc.pagedTo)]).status).toBe('active');
    for (let i = 0; i < 60 && inc.phase === 'paged'; i++) {
      s.now += 1;
      tickIncident(s, inc);
    }
    expect(inc.phase).not.toBe('paged');
    expect(inc.responders).not.toContain(paged.id);
    expect(inc.responders.length).toBeGreaterThan(0);
    for (const r of inc.responders) expect(must(s.engineers[r]).status).toBe('active');
  });

  it('the shift change counts each pager team against the budget and starts afresh', () => {
    const s = world(1);
    must(s.teams.data).shiftPages = 3;
    must(s.teams.web).shiftPages = 1;
    must(s.engineers.esi).pagesThisShift = 3;
    closeShift(s);
    expect(must(s.teams.data).shiftsOverBudget).toBe(1);
    expect(must(s.teams.web).shiftsOverBudget).toBe(0);
    expect(s.totals.shiftsCounted).toBe(3);
    expect(s.totals.shiftsWithinBudget).toBe(2);
    expect(must(s.teams.data).shiftPages).toBe(0);
    expect(must(s.engineers.esi).pagesThisShift).toBe(0);
    expect(openIncidents(s)).toEqual([]);
  });
});
