import { describe, expect, it } from 'vitest';
import {
  createSimulationFromState,
  INVESTMENT_KINDS,
  type InvestmentKind,
  offersFor,
  type SimState,
  tuning,
} from '../../src/sim';
import { policies } from '../../src/sim/policies';
import { weekNumber } from '../../src/sim/rules/investments';
import { playRound } from '../../src/sim/runRound';
import { must, scenario, world } from './fixtures';

const WEEK = 7 * 1440;

/** A world at the start of the first week (from week 2) whose offers include this kind. */
function worldOffering(kind: InvestmentKind): { w: SimState; week: number; offer: number } {
  for (let seed = 1; seed < 50; seed++) {
    const w = world(seed, 'platform', 13);
    for (let week = 2; week <= 13; week++) {
      const offer = offersFor(w, week).findIndex((o) => o.kind === kind);
      if (offer >= 0) {
        w.now = (week - 1) * WEEK + 9 * 60;
        return { w, week, offer };
      }
    }
  }
  throw new Error(`no ${kind} offer found`);
}

describe("the week's offers", () => {
  it('never offer what cannot take effect within the round: no hire that would arrive after it ends', () => {
    let hires = 0;
    for (let seed = 1; seed <= 40; seed++)
      for (const weeks of [2, 4, 8, 13]) {
        const w = world(seed, 'platform', weeks);
        for (let week = 2; week <= weeks; week++)
          for (const o of offersFor(w, week)) {
            if (o.kind !== 'hire') continue;
            hires++;
            // Taken at the start of the week, the person arrives hireWeeks later: before the round's last minute.
            expect((week - 1 + tuning.hireWeeks) * WEEK, `seed ${seed}, ${weeks} weeks, week ${week}`).toBeLessThan(
              weeks * WEEK,
            );
          }
        if (weeks <= tuning.hireWeeks + 1)
          for (let week = 2; week <= weeks; week++) expect(offersFor(w, week)).toHaveLength(3);
      }
    expect(hires).toBeGreaterThan(0);
  });

  it('are three different kinds, the same for the same seed and week', () => {
    const a = world(7, 'platform', 13);
    const b = world(7, 'platform', 13);
    for (let week = 2; week <= 13; week++) {
      const offers = offersFor(a, week);
      expect(offers).toHaveLength(3);
      expect(new Set(offers.map((o) => o.kind)).size).toBe(3);
      expect(offersFor(b, week)).toEqual(offers);
      for (const o of offers) {
        expect(INVESTMENT_KINDS).toContain(o.kind);
        expect(a.services[o.service]?.team).toBe(o.team);
      }
    }
    const kinds = new Set<string>();
    for (let week = 2; week <= 13; week++) for (const o of offersFor(a, week)) kinds.add(o.kind);
    expect(kinds.size).toBe(INVESTMENT_KINDS.length);
  });
});

describe('chooseInvestment', () => {
  it('improves observability and charges the team its hours', () => {
    const { w, week, offer } = worldOffering('observability');
    const o = must(offersFor(w, week)[offer]);
    const before = { obs: must(w.services[o.service]).observability, owed: must(w.teams[o.team]).owedHours };
    const sim = createSimulationFromState(w);
    expect(sim.dispatch({ type: 'chooseInvestment', week, offer })).toEqual({ ok: true });
    const s = sim.snapshot();
    expect(must(s.services[o.service]).observability).toBeCloseTo(Math.min(1, before.obs + tuning.investObservability));
    expect(must(s.teams[o.team]).owedHours).toBe(before.owed + o.costHours);
    expect(o.costHours).toBeGreaterThan(0);
    expect(s.investments).toEqual([{ ...o, week, offer, at: w.now }]);
  });

  it('refuses a second choice in the same week, naming the first', () => {
    const { w, week, offer } = worldOffering('runbook');
    const sim = createSimulationFromState(w);
    expect(sim.dispatch({ type: 'chooseInvestment', week, offer }).ok).toBe(true);
    const again = sim.dispatch({ type: 'chooseInvestment', week, offer: (offer + 1) % 3 });
    expect(again).toEqual({
      ok: false,
      reason: expect.stringMatching(new RegExp(`week ${week}'s investment is already chosen: Write a runbook for`)),
    });
    expect(sim.snapshot().investments).toHaveLength(1);
  });

  it('refuses the first week, another week, and a malformed offer, with the reason', () => {
    const { w, week } = worldOffering('drill');
    const sim = createSimulationFromState(w);
    expect(sim.dispatch({ type: 'chooseInvestment', week: 1, offer: 0 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/first week has no offers/),
    });
    expect(sim.dispatch({ type: 'chooseInvestment', week: week + 1, offer: 0 })).toMatchObject({
      ok: false,
      reason: `it is week ${week}: week ${week + 1}'s offers are not on the table`,
    });
    expect(sim.dispatch({ type: 'chooseInvestment', week, offer: 3 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^chooseInvestment: bad offer/),
    });
    expect(sim.snapshot().investments).toEqual([]);
  });

  it('a feature push brings value now and new hidden weaknesses', () => {
    const { w, week, offer } = worldOffering('feature-push');
    const o = must(offersFor(w, week)[offer]);
    const value = w.totals.businessValue;
    const conditions = Object.keys(w.conditions).length;
    const sim = createSimulationFromState(w);
    sim.dispatch({ type: 'chooseInvestment', week, offer });
    const s = sim.snapshot();
    expect(s.totals.businessValue).toBe(value + tuning.featurePushValue);
    const added = Object.values(s.conditions).filter((c) => !w.conditions[c.id]);
    expect(added).toHaveLength(tuning.featurePushConditions);
    expect(Object.keys(s.conditions)).toHaveLength(conditions + tuning.featurePushConditions);
    for (const c of added) expect(c.service).toBe(o.service);
  });

  it('a hire arrives weeks later, knowing little', () => {
    const { w, week, offer } = worldOffering('hire');
    const o = must(offersFor(w, week)[offer]);
    // Nobody answers pages here, so the round must not end before the hire is due.
    const sim = createSimulationFromState(w, false);
    sim.dispatch({ type: 'chooseInvestment', week, offer });
    sim.advance(tuning.hireWeeks * WEEK - 60);
    expect(sim.snapshot().investments?.[0]?.arrived).toBeFalsy();
    let arrival: string | undefined;
    for (let h = 0; h < 48 && !arrival; h++) {
      for (const e of sim.advance(60)) if (e.type === 'hired' && e.team === o.team) arrival = e.engineer;
    }
    const s = sim.snapshot();
    const e = must(s.engineers[must(arrival)]);
    expect(e.status).toBe('active');
    for (const k of Object.values(e.knowledge)) expect(k).toBeLessThanOrEqual(0.12);
    expect(s.investments?.[0]?.arrived).toBe(true);
  });
});

describe('bots at the week boundary', () => {
  it('learners invest in alerts, runbooks or drills; the hero and nines-first push features; baseline picks nothing', () => {
    const sc = scenario('platform');
    const seed = must(
      [...Array(30).keys()].find((n) =>
        [2, 3].some((wk) => offersFor(world(n, 'platform', 3), wk).some((o) => o.kind === 'feature-push')),
      ),
    );
    const kinds = (name: string) =>
      (playRound(sc, { fast: true, seed, weeks: 3, policy: must(policies[name]) }).state.investments ?? []).map(
        (i) => i.kind,
      );
    const learner = kinds('learning-first');
    expect(learner).toHaveLength(2);
    for (const k of learner) expect(k).not.toBe('feature-push');
    expect(kinds('baseline')).toEqual([]);
    const w = world(seed, 'platform', 3);
    const pushes = [2, 3].filter((week) => offersFor(w, week).some((o) => o.kind === 'feature-push')).length;
    expect(pushes).toBeGreaterThan(0);
    expect(kinds('nines-first')).toEqual(Array.from({ length: pushes }, () => 'feature-push'));
  });

  it('choose in the first minutes of the week', () => {
    const played = playRound(scenario('platform'), {
      fast: true,
      seed: 3,
      weeks: 2,
      policy: must(policies['steady-learner']),
    });
    const inv = must(played.state.investments?.[0]);
    expect(weekNumber(inv.at)).toBe(2);
    expect(inv.at - WEEK).toBeLessThan(10);
  });
});
