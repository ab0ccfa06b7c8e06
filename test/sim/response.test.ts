import { describe, expect, it } from 'vitest';
import {
  type Clue,
  type Incident,
  type InvestigationStep,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  type SimState,
} from '../../src/sim';
import { CONDITION_KINDS, MITIGATIONS } from '../../src/sim/model/types';
import { mitigationHarms, mitigationWorks, workingRemedies } from '../../src/sim/rules/incident';
import {
  ackDelay,
  escalateToExpert,
  expertFor,
  handOff,
  pageSecondary,
  pullInTeam,
} from '../../src/sim/rules/response';
import { fireOn, must, ringNow, world } from './fixtures';

const NOON = MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;

const clue = (step: InvestigationStep, by: string): Clue => ({
  step,
  by,
  at: NOON,
  text: 'a look',
  consistentWith: [...CONDITION_KINDS],
});

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

  it('working remedies are exactly the mitigations that work', () => {
    const { inc } = dbFire();
    expect(workingRemedies(inc)).toEqual(['scale-up', 'restart']);
    for (const kind of CONDITION_KINDS) {
      for (const recentDeploy of [false, true]) {
        const remedies = workingRemedies({ ...inc, kind, recentDeploy });
        expect(new Set(remedies)).toEqual(new Set(MITIGATIONS.filter((m) => mitigationWorks(kind, m, recentDeploy))));
      }
    }
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
    inc.clues = [clue('dashboards', 'esi'), clue('logs', 'esi')];
    handOff(s, inc, 'femi', true);
    expect(inc.clues).toHaveLength(2);
    expect(inc.responders).toEqual(['femi']);
    expect(inc.roles.ops).toBe('femi');
    inc.clues.push(clue('runbook', 'femi'), clue('dependency', 'femi'));
    handOff(s, inc, 'gus', false);
    // Within a team, half of what the leaving person found leaves with them; the others' clues stay.
    expect(inc.clues.map((c) => `${c.step}/${c.by}`)).toEqual(['dashboards/esi', 'logs/esi', 'runbook/femi']);
    expect(inc.responders).toEqual(['gus']);
    expect(inc.handoffs.map((h) => h.acknowledged)).toEqual([true, false]);
    // A step the leaving person had under way goes unfinished, and they are free again.
    inc.inquiries.push({ step: 'runbook', by: 'gus', startedAt: NOON, doneAt: NOON + 6 });
    must(s.engineers.gus).busyUntil = NOON + 6;
    // Across team lines nobody shares the context: all of it leaves.
    inc.clues.push(clue('deploys', 'gus'), clue('logs', 'gus'));
    handOff(s, inc, 'hana', false);
    expect(inc.clues.filter((c) => c.by === 'gus')).toEqual([]);
    expect(inc.clues).toHaveLength(3);
    expect(inc.inquiries).toEqual([]);
    expect(must(s.engineers.gus).busyUntil).toBe(NOON);
  });
});
