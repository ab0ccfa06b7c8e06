import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosisHint, type Incident, MINUTES_PER_DAY, MINUTES_PER_HOUR, type SimState } from '../../src/sim';
import { CONDITION_KINDS, MITIGATIONS } from '../../src/sim/model/types';
import { mitigationHarms, mitigationWorks, workingRemedies } from '../../src/sim/rules/incident';
import {
  ackDelay,
  diagnosisRate,
  escalateToExpert,
  expertFor,
  handOff,
  pageSecondary,
  pullInTeam,
} from '../../src/sim/rules/response';
import { fireOn, must, ringNow, world } from './fixtures';

const NOON = MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;

/** A world with a capacity fire on Pantry DB at Tuesday noon. */
function dbFire(): { s: SimState; inc: Incident } {
  const s = world(2);
  s.now = NOON;
  const inc = fireOn(s, 'pantry-db', 'capacity');
  inc.phase = 'investigating';
  return { s, inc };
}

describe('mitigations', () => {
  it('a rollback only helps when a recent deploy is involved', () => {
    for (const kind of CONDITION_KINDS) expect(mitigationWorks(kind, 'rollback', false)).toBe(false);
    expect(mitigationWorks('deploy', 'rollback', true)).toBe(true);
    expect(mitigationWorks('config', 'rollback', true)).toBe(true);
  });

  it('every class of failure has at least one remedy, and remedies are never harmful', () => {
    for (const kind of CONDITION_KINDS) {
      for (const recentDeploy of [false, true]) {
        const works = MITIGATIONS.filter((m) => mitigationWorks(kind, m, recentDeploy));
        expect(works.length, `${kind} recentDeploy=${recentDeploy}`).toBeGreaterThan(0);
        for (const m of works) expect(mitigationHarms(kind, m), `${kind}/${m}`).toBe(false);
      }
    }
  });

  it('the wrong mitigation can make things worse', () => {
    expect(mitigationWorks('capacity', 'failover', false)).toBe(false);
    expect(mitigationHarms('capacity', 'failover')).toBe(true);
    expect(mitigationHarms('data', 'restart')).toBe(true);
  });

  it('working remedies are exactly the mitigations that work, and the hint reveals them as diagnosis progresses', () => {
    const { inc } = dbFire();
    expect(workingRemedies(inc)).toEqual(['scale-up', 'restart']);
    for (const kind of CONDITION_KINDS) {
      for (const recentDeploy of [false, true]) {
        const remedies = workingRemedies({ ...inc, kind, recentDeploy });
        expect(new Set(remedies)).toEqual(new Set(MITIGATIONS.filter((m) => mitigationWorks(kind, m, recentDeploy))));
      }
    }
    inc.progress = 0.3;
    expect(diagnosisHint(inc)).toEqual({ kind: null, recommended: null });
    inc.progress = 0.5;
    expect(diagnosisHint(inc)).toEqual({ kind: 'capacity', recommended: null });
    inc.progress = 0.8;
    const hint = diagnosisHint(inc);
    expect(hint.kind).toBe('capacity');
    expect(hint.recommended).not.toBeNull();
    expect(mitigationWorks(inc.kind, must(hint.recommended), inc.recentDeploy)).toBe(true);
  });
});

describe('diagnosis', () => {
  it('is zero with nobody responding', () => {
    const { s, inc } = dbFire();
    inc.responders = [];
    expect(diagnosisRate(s, inc)).toBe(0);
  });

  it('goes faster when the responder knows the service better', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const { s, inc } = dbFire();
        inc.responders = ['femi'];
        must(s.engineers.femi).knowledge['pantry-db'] = lo;
        const slow = diagnosisRate(s, inc);
        must(s.engineers.femi).knowledge['pantry-db'] = hi;
        const fast = diagnosisRate(s, inc);
        expect(fast).toBeGreaterThanOrEqual(slow);
        if (hi > lo + 1e-6) expect(fast).toBeGreaterThan(slow);
      }),
      { numRuns: 25 },
    );
  });

  it('goes slower when the responders are tired', () => {
    const { s, inc } = dbFire();
    inc.responders = ['esi'];
    const rested = diagnosisRate(s, inc);
    must(s.engineers.esi).fatigue = 0.9;
    expect(diagnosisRate(s, inc)).toBeLessThan(rested);
  });

  it('three or more responders with no commander freelance', () => {
    const { s, inc } = dbFire();
    inc.responders = ['esi', 'femi'];
    const pair = diagnosisRate(s, inc);
    inc.roles = { commander: 'femi' };
    expect(diagnosisRate(s, inc)).toBeCloseTo(pair, 12);

    inc.roles = {};
    inc.responders = ['esi', 'femi', 'gus'];
    const crowd = diagnosisRate(s, inc);
    inc.roles = { commander: 'gus' };
    const commanded = diagnosisRate(s, inc);
    expect(crowd).toBeCloseTo(commanded * 0.7, 12);
    // A third pair of hands without a commander is worse than two people working alone.
    expect(crowd).toBeLessThan(pair);
    expect(commanded).toBeGreaterThan(pair);
  });

  it('pays a coordination cost across team lines, less with a commander', () => {
    const { s, inc } = dbFire();
    inc.responders = ['esi', 'femi'];
    const oneTeam = diagnosisRate(s, inc);
    must(s.engineers.femi).team = 'sre';
    const twoTeams = diagnosisRate(s, inc);
    inc.roles = { commander: 'esi' };
    const led = diagnosisRate(s, inc);
    expect(twoTeams).toBeLessThan(oneTeam);
    expect(led).toBeGreaterThan(twoTeams);
    expect(led).toBeLessThan(oneTeam);
  });
});

describe('paging and escalation', () => {
  it('acknowledging takes longer asleep and exhausted', () => {
    const s = world(4);
    const streams = structuredClone(s.streams);
    const day = ackDelay(s, 'esi', NOON);
    s.streams = structuredClone(streams);
    const night = ackDelay(s, 'esi', MINUTES_PER_DAY + 3 * MINUTES_PER_HOUR);
    s.streams = structuredClone(streams);
    must(s.engineers.esi).fatigue = 1;
    const exhausted = ackDelay(s, 'esi', NOON);
    expect(night).toBeGreaterThan(day);
    expect(exhausted).toBeGreaterThan(day);
  });

  it('a night page costs sleep and is counted as a night page', () => {
    const s = world(4);
    s.now = MINUTES_PER_DAY + 2 * MINUTES_PER_HOUR;
    const inc = fireOn(s, 'pantry-db', 'capacity');
    const before = structuredClone(s.engineers);
    ringNow(s, inc);
    const who = must(inc.pagedTo);
    expect(inc.phase).toBe('paged');
    expect(must(s.engineers[who]).fatigue).toBeCloseTo(must(before[who]).fatigue + 0.06, 12);
    expect(s.totals.nightPages).toBe(1);
    expect(s.totals.pages).toBe(1);
  });

  it('a day page costs no extra sleep', () => {
    const s = world(4);
    s.now = NOON;
    const inc = fireOn(s, 'pantry-db', 'capacity');
    const before = structuredClone(s.engineers);
    ringNow(s, inc);
    const who = must(inc.pagedTo);
    expect(must(s.engineers[who]).fatigue).toBe(must(before[who]).fatigue);
    expect(s.totals.nightPages).toBe(0);
  });

  it('the expert is whoever knows the service best, and the hero tires', () => {
    const { s, inc } = dbFire();
    expect(expertFor(s, 'pantry-db')).toBe('esi');
    const fatigue = must(s.engineers.esi).fatigue;
    expect(escalateToExpert(s, inc)).toBe('esi');
    expect(inc.responders).toContain('esi');
    expect(inc.expertCalled).toBe(true);
    expect(must(s.engineers.esi).heroCalls).toBe(1);
    expect(must(s.engineers.esi).fatigue).toBeGreaterThan(fatigue);
    // Once the expert has left, the next best takes the call.
    must(s.engineers.esi).status = 'left';
    expect(expertFor(s, 'pantry-db')).toBe('hana');
  });

  it('the secondary joins once, and pulling in a team brings its on-call person', () => {
    const { s, inc } = dbFire();
    const second = pageSecondary(s, inc);
    expect(second).not.toBeNull();
    expect(inc.responders).toEqual([second]);
    expect(pageSecondary(s, inc)).toBeNull();
    const sre = pullInTeam(s, inc, 'sre');
    expect(sre).not.toBeNull();
    expect(must(s.engineers[must(sre)]).team).toBe('sre');
    expect(inc.teamsPulled).toEqual(['sre']);
  });

  it('a handoff without acknowledgement loses context; an acknowledged one keeps it', () => {
    const { s, inc } = dbFire();
    inc.responders = ['esi'];
    inc.roles = { ops: 'esi' };
    inc.progress = 0.5;
    handOff(s, inc, 'femi', true);
    expect(inc.progress).toBe(0.5);
    expect(inc.responders).toEqual(['femi']);
    expect(inc.roles.ops).toBe('femi');
    handOff(s, inc, 'gus', false);
    expect(inc.progress).toBeCloseTo(0.2, 12);
    expect(inc.responders).toEqual(['gus']);
    expect(inc.handoffs.map((h) => h.acknowledged)).toEqual([true, false]);
  });
});
