import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident, Retro, SimState } from '../../src/sim';
import { RETRO_STEPS } from '../../src/sim';
import { factorsOf, frameRetro, interview, reachOf, scheduleRetro, surfacedFactors } from '../../src/sim/rules/retro';
import { sendRetro } from '../../src/sim/rules/retroLife';
import { fireOn, must, world } from './fixtures';

/** A resolved Pantry DB fire, answered by Esi and Gus, with a retro waiting at the interviews step. */
function retroAfterFire(seed = 1): { s: SimState; inc: Incident; retro: Retro } {
  const s = world(seed);
  s.now = 600;
  const inc = fireOn(s, 'pantry-db', 'capacity');
  inc.responders = ['esi', 'gus'];
  inc.detectedBy = 'customer';
  inc.phase = 'resolved';
  inc.resolvedAt = 700;
  s.openIncidents = [];
  const retro = scheduleRetro(s, inc);
  stepRetro(s, retro);
  stepRetro(s, retro);
  expect(retro.phase).toBe('interviews');
  return { s, inc, retro };
}

/** Leaves the step the retro is at, through the retro machine. */
function stepRetro(s: SimState, retro: Retro): void {
  const result = sendRetro(s, retro, { type: 'NEXT', from: retro.phase });
  if (!result.ok) throw new Error(result.reason);
}

function publishRetro(s: SimState, retro: Retro, share: boolean): void {
  const result = sendRetro(s, retro, { type: 'PUBLISH', share });
  if (!result.ok) throw new Error(result.reason);
}

const visible = (r: Retro) => r.factors.filter((f) => !f.hidden);

describe('contributing factors', () => {
  it('there is never a single root cause: a fire has several factors, the condition among them', () => {
    const { s, inc } = retroAfterFire();
    const factors = factorsOf(s, inc);
    expect(factors.length).toBeGreaterThan(1);
    const keys = factors.map((f) => f.key);
    expect(keys).toContain('condition');
    expect(keys).toContain('late-alert');
    expect(keys).toContain('runbook-stale');
    expect(keys).toContain('single-knower');
    expect(keys).toContain('sibling-condition');
    expect(factors.find((f) => f.key === 'condition')?.conditionId).toBe(inc.conditionId);
    for (const f of factors) {
      expect(f.depth).toBeGreaterThanOrEqual(1);
      expect(f.depth).toBeLessThanOrEqual(3);
      expect(f.text.length).toBeGreaterThan(10);
    }
  });

  it('crowds without a commander, heroes and lost handoffs show up as factors', () => {
    const { s, inc } = retroAfterFire();
    inc.responders = ['esi', 'femi', 'hana'];
    inc.expertCalled = true;
    inc.handoffs.push({ at: 650, from: 'femi', to: 'esi', acknowledged: false });
    const keys = factorsOf(s, inc).map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['freelancing', 'hero', 'handoff-lost', 'cross-team']));
    inc.roles = { commander: 'hana' };
    expect(factorsOf(s, inc).map((f) => f.key)).not.toContain('freelancing');
  });

  it('a deep review reaches further than a quick one, and further still led by someone uninvolved', () => {
    expect(reachOf('quick', false)).toBe(1);
    expect(reachOf('quick', true)).toBe(1);
    expect(reachOf('deep', true)).toBe(2);
    expect(reachOf('deep', false)).toBe(3);
  });

  it('with full trust, a deep review surfaces everything and a quick one only the obvious', () => {
    const quick = retroAfterFire(4);
    const deep = retroAfterFire(4);
    for (const w of [quick.s, deep.s]) for (const e of Object.values(w.engineers)) e.trust = 1;
    interview(quick.s, quick.retro, 'quick', 'hana');
    interview(deep.s, deep.retro, 'deep', 'hana');
    expect(deep.retro.facilitatorInvolved).toBe(false);
    expect(visible(quick.retro).every((f) => f.depth === 1)).toBe(true);
    expect(visible(deep.retro)).toHaveLength(deep.retro.factors.length);
    expect(visible(deep.retro).length).toBeGreaterThan(visible(quick.retro).length);
    expect(deep.retro.costHours).toBeGreaterThan(quick.retro.costHours);
  });

  it('an involved facilitator misses the deepest factors', () => {
    const { s, retro } = retroAfterFire(4);
    for (const e of Object.values(s.engineers)) e.trust = 1;
    interview(s, retro, 'deep', 'esi');
    expect(retro.facilitatorInvolved).toBe(true);
    expect(visible(retro).every((f) => f.depth <= 2)).toBe(true);
    expect(retro.factors.some((f) => f.depth === 3 && f.hidden)).toBe(true);
  });

  it('low trust never surfaces more than high trust, with the same luck', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, low) => {
        const a = retroAfterFire(seed);
        const b = retroAfterFire(seed);
        for (const e of Object.values(a.s.engineers)) e.trust = low;
        for (const e of Object.values(b.s.engineers)) e.trust = 1;
        interview(a.s, a.retro, 'deep', 'hana');
        interview(b.s, b.retro, 'deep', 'hana');
        const high = new Set(visible(b.retro).map((f) => f.id));
        for (const f of visible(a.retro)) expect(high.has(f.id)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('framing', () => {
  it('blame lowers trust and culture, most of all for the person blamed', () => {
    const { s, retro } = retroAfterFire();
    interview(s, retro, 'quick', 'hana');
    stepRetro(s, retro);
    const before = structuredClone(s);
    frameRetro(s, retro, 'blame', 'esi');
    for (const id of ['femi', 'gus']) {
      expect(must(s.engineers[id]).trust).toBeCloseTo(must(before.engineers[id]).trust - 0.12, 12);
    }
    expect(must(s.engineers.esi).trust).toBeLessThan(must(before.engineers.esi).trust - 0.12);
    expect(must(s.engineers.esi).morale).toBeLessThan(must(before.engineers.esi).morale);
    expect(must(s.teams.data).culture).toBeLessThan(must(before.teams.data).culture);
    // Other teams do not hear about it.
    expect(must(s.engineers.ada).trust).toBe(must(before.engineers.ada).trust);
    expect(retro.blamed).toBe('esi');
  });

  it('blameless framing raises trust and culture, more after a deep review', () => {
    const quick = retroAfterFire();
    const deep = retroAfterFire();
    interview(quick.s, quick.retro, 'quick', 'hana');
    interview(deep.s, deep.retro, 'deep', 'hana');
    const before = structuredClone(quick.s);
    frameRetro(quick.s, quick.retro, 'blameless', null);
    frameRetro(deep.s, deep.retro, 'blameless', 'esi');
    expect(deep.retro.blamed).toBeNull();
    for (const id of ['esi', 'femi', 'gus']) {
      expect(must(quick.s.engineers[id]).trust).toBeGreaterThan(must(before.engineers[id]).trust);
      expect(must(deep.s.engineers[id]).trust).toBeGreaterThan(must(quick.s.engineers[id]).trust);
    }
    expect(must(quick.s.teams.data).culture).toBeGreaterThan(must(before.teams.data).culture);
    expect(must(deep.s.teams.data).culture).toBeGreaterThan(must(quick.s.teams.data).culture);
  });

  it('trust and culture stay within [0, 1] however often blame or praise comes', () => {
    const { s, retro } = retroAfterFire();
    for (let i = 0; i < 20; i++) frameRetro(s, retro, 'blame', 'esi');
    expect(must(s.engineers.esi).trust).toBe(0);
    expect(must(s.teams.data).culture).toBe(0);
    for (let i = 0; i < 60; i++) frameRetro(s, retro, 'blameless', null);
    // Praise approaches full trust with diminishing steps, and never passes it.
    expect(must(s.engineers.esi).trust).toBeGreaterThan(0.99);
    expect(must(s.engineers.esi).trust).toBeLessThanOrEqual(1);
    expect(must(s.teams.data).culture).toBe(1);
  });

  it('under blame, people stop volunteering the deeper factors', () => {
    const { s, retro } = retroAfterFire(4);
    for (const e of Object.values(s.engineers)) e.trust = 1;
    interview(s, retro, 'deep', 'hana');
    expect(surfacedFactors(retro).some((f) => f.depth > 1)).toBe(true);
    frameRetro(s, retro, 'blame', 'gus');
    expect(surfacedFactors(retro).length).toBeGreaterThan(0);
    expect(surfacedFactors(retro).every((f) => f.depth === 1)).toBe(true);
  });
});

describe('publishing', () => {
  it('walks the steps in order and reveals the conditions it surfaced', () => {
    const { s, inc, retro } = retroAfterFire(4);
    for (const e of Object.values(s.engineers)) e.trust = 1;
    interview(s, retro, 'deep', 'hana');
    const seen: string[] = [retro.phase];
    stepRetro(s, retro);
    seen.push(retro.phase);
    frameRetro(s, retro, 'blameless', null);
    stepRetro(s, retro);
    seen.push(retro.phase);
    stepRetro(s, retro);
    seen.push(retro.phase);
    publishRetro(s, retro, false);
    seen.push(retro.phase);
    expect(seen).toEqual(RETRO_STEPS.slice(2));
    expect(must(s.conditions[inc.conditionId]).revealed).toBe(true);
    expect(must(s.conditions['pantry-db:data:1']).revealed).toBe(true);
    expect(s.totals.retros).toBe(1);
    expect(s.totals.factorsSurfaced.length).toBe(surfacedFactors(retro).length);
    // A condition in another service stays unknown unless the retro is shared.
    expect(must(s.conditions['gateway:capacity:1']).revealed).toBe(false);
  });

  it('sharing org-wide lets other teams find the same class of condition', () => {
    const { s, retro } = retroAfterFire(4);
    interview(s, retro, 'quick', 'hana');
    stepRetro(s, retro);
    frameRetro(s, retro, 'blameless', null);
    stepRetro(s, retro);
    stepRetro(s, retro);
    publishRetro(s, retro, true);
    for (const id of ['gateway:capacity:1', 'catalog:capacity:0']) {
      expect(must(s.conditions[id]).revealed).toBe(true);
      expect(must(s.conditions[id]).strength).toBeCloseTo(0.85, 12);
    }
    expect(must(s.conditions['queue:config:1']).revealed).toBe(false);
    expect(s.totals.retrosShared).toBe(1);
  });
});
