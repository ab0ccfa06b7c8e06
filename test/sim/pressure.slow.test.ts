import { describe, expect, it } from 'vitest';
import {
  allEventsOf,
  createSimulation,
  createSimulationFromState,
  type Scenario,
  tuning,
  validateScenario,
} from '../../src/sim';
import { baseline } from '../../src/sim/policies';
import { hazard } from '../../src/sim/rules/chaos';
import { burnOut } from '../../src/sim/rules/people';
import { announcedPeak, loadOf, peakNotice, peaksOf } from '../../src/sim/rules/pressure';
import { playRound } from '../../src/sim/runRound';
import { roundOver } from '../../src/sim/step';
import { must, rawScenario, world } from './fixtures';

const DAY = 1440;
const WEEK = 7 * DAY;

function withPeaks(peaks: unknown[]): Scenario {
  const r = validateScenario({ ...rawScenario('startup'), peaks });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const problemOf = (peaks: unknown[]) => {
  const r = validateScenario({ ...rawScenario('startup'), peaks });
  return r.ok ? 'ok' : r.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
};

describe('announced peaks in scenario files', () => {
  it('accept a good peak, with defaults for its time, length and notice', () => {
    const sc = withPeaks([{ name: 'Black Friday sale', day: 5, services: ['app'], load: 1.8 }]);
    expect(sc.peaks).toEqual([
      { name: 'Black Friday sale', day: 5, time: '08:00', days: 1, services: ['app'], load: 1.8, announceDays: 3 },
    ]);
    expect(problemOf([])).toBe('ok');
  });

  it('name the bad part of a bad peak', () => {
    const good = { name: 'Launch', day: 5, services: ['app'], load: 1.8 };
    expect(problemOf([{ ...good, services: ['app', 'nowhere'] }])).toMatch(
      /^peaks\[0\]\.services: no service "nowhere"/,
    );
    expect(problemOf([good, { ...good, load: 0.5 }])).toMatch(/^peaks\[1\]\.load: a peak raises load/);
    expect(problemOf([{ ...good, load: 9 }])).toMatch(/^peaks\[0\]\.load: at most ×5/);
    expect(problemOf([{ ...good, time: '9am' }])).toMatch(/^peaks\[0\]\.time: a time of day/);
    expect(problemOf([{ ...good, day: 0 }])).toMatch(/^peaks\[0\]\.day/);
    expect(problemOf([{ ...good, services: [] }])).toMatch(/^peaks\[0\]\.services/);
    expect(problemOf([{ ...good, name: '' }])).toMatch(/^peaks\[0\]\.name/);
  });

  it('every built-in scenario announces a peak on services it has', () => {
    for (const id of ['platform', 'startup', 'scaleup'] as const) {
      const w = world(1, id);
      expect(w.peaks?.length, id).toBeGreaterThan(0);
      for (const p of w.peaks ?? []) for (const s of p.services) expect(w.services[s], `${id}: ${s}`).toBeDefined();
    }
  });
});

describe('rising load', () => {
  it('grows through the round, on every service', () => {
    const w = world(1, 'platform', 13);
    for (const id of w.serviceOrder) {
      const base = must(w.services[id]).load;
      expect(loadOf(w, id, 0)).toBeCloseTo(base);
      expect(loadOf(w, id, 4 * WEEK)).toBeGreaterThan(loadOf(w, id, 2 * WEEK));
      expect(loadOf(w, id, 12 * WEEK)).toBeCloseTo(base * (1 + 12 * tuning.loadGrowthPerWeek));
    }
  });

  it('raises the hazard of the same condition at the same hour of a later week', () => {
    const w = world(1, 'platform', 13);
    const c = must(Object.values(w.conditions).find((x) => x.service === 'checkout'));
    // Neither neglect nor last week's relapse in the comparison: only the load differs.
    for (const s of Object.values(w.services)) s.lastTouchedAt = 6 * WEEK;
    c.relapseUntil = null;
    expect(hazard(w, c, 6 * WEEK + 10 * 60)).toBeGreaterThan(hazard(w, c, 10 * 60) * 1.1);
  });
});

describe('an announced peak', () => {
  const peak = { name: 'Launch day', day: 3, time: '00:00', days: 2, services: ['api'], load: 3, announceDays: 2 };
  const from = 2 * DAY;
  const until = 4 * DAY;

  it('multiplies the load on its services only, during its days', () => {
    const w = world(1, 'startup');
    w.peaks = peaksOf(withPeaks([peak]));
    const apiLoad = must(w.services.api).load;
    expect(loadOf(w, 'api', from + 60)).toBeCloseTo(
      apiLoad * 3 * (1 + (tuning.loadGrowthPerWeek * (from + 60)) / WEEK),
    );
    expect(loadOf(w, 'api', from - 1)).toBeLessThan(apiLoad * 1.1);
    expect(loadOf(w, 'api', until)).toBeLessThan(apiLoad * 1.1);
    expect(loadOf(w, 'app', from + 60)).toBeLessThan(must(w.services.app).load * 1.1);
  });

  it('is announced ahead, with what it does and where, then begins', () => {
    const sim = createSimulation(withPeaks([peak]), { seed: 1, weeks: 1, canLose: false });
    sim.advance(from + 1);
    const events = allEventsOf(sim.snapshot());
    const told = events.find((e) => e.type === 'peak-announced');
    expect(told?.at).toBe(0);
    expect(events.find((e) => e.type === 'peak-started')?.at).toBe(from);
    const s = sim.snapshot();
    const p = must(s.peaks?.[0]);
    expect(peakNotice(s, p, 0)).toBe('Launch day in 2 days: load ×3 on Toast API');
    expect(peakNotice(s, p, from + 5)).toBe('Launch day now: load ×3 on Toast API');
    expect(announcedPeak(s)).toEqual(p);
  });

  it('sets more fires on its services in its window, over many seeds', () => {
    const long = { ...peak, day: 2, days: 5, services: ['api', 'db'] };
    const [start, end] = [DAY, 6 * DAY];
    const fires = (sc: Scenario) => {
      let n = 0;
      for (let seed = 1; seed <= 16; seed++) {
        // The never-learning bot puts fires out (restarts), so one fire does not hide the next.
        const { state } = playRound(sc, { fast: true, seed, weeks: 1, policy: baseline, until: end });
        for (const inc of Object.values(state.incidents))
          if (!inc.prior && long.services.includes(inc.service) && inc.startedAt >= start && inc.startedAt < end) n++;
      }
      return n;
    };
    const calm = fires(withPeaks([]));
    const busy = fires(withPeaks([long]));
    expect(busy).toBeGreaterThan(calm * 1.4 + 2);
  });
});

describe('a round that is lost', () => {
  it('ends at once when customers stop trusting the service, says why, and the clock stops', () => {
    const w = world(1, 'platform');
    w.customerTrust = tuning.lossTrust - 0.01;
    const sim = createSimulationFromState(w);
    const events = sim.advance(600);
    const lost = events.find((e) => e.type === 'round-lost');
    expect(lost && lost.type === 'round-lost' && lost.cause).toBe('trust');
    expect(lost && lost.type === 'round-lost' && lost.reason).toMatch(/Customers lost their trust/);
    expect(events.at(-1)?.type).toBe('round-over');
    const s = sim.snapshot();
    expect(s.lost?.cause).toBe('trust');
    expect(roundOver(s)).toBe(true);
    expect(s.now).toBe(1);
    expect(sim.advance(600)).toEqual([]);
    expect(sim.snapshot().now).toBe(1);
  });

  it('holds while trust stays at the threshold', () => {
    const w = world(1, 'platform');
    w.customerTrust = tuning.lossTrust;
    const sim = createSimulationFromState(w);
    sim.advance(60);
    expect(sim.snapshot().lost ?? null).toBeNull();
    expect(sim.snapshot().now).toBe(60);
  });

  it('ends when more than a third of the people who began it have left', () => {
    const w = world(1, 'platform');
    const people = w.engineerOrder.length;
    const third = Math.floor(people / 3);
    for (const id of w.engineerOrder.slice(0, third)) burnOut(w, must(w.engineers[id]));
    const holding = createSimulationFromState(structuredClone(w));
    holding.advance(30);
    expect(holding.snapshot().lost ?? null).toBeNull();
    burnOut(w, must(w.engineers[must(w.engineerOrder[third])]));
    const sim = createSimulationFromState(w);
    sim.advance(30);
    const s = sim.snapshot();
    expect(s.lost?.cause).toBe('people');
    expect(s.lost?.reason).toContain(`lost ${third + 1} of its ${people} people`);
    expect(roundOver(s)).toBe(true);
  });

  it('is not a rule of the never-learning replay, which plays the whole round', () => {
    const w = world(1, 'platform');
    w.customerTrust = 0.1;
    const sim = createSimulationFromState(w, false);
    sim.advance(120);
    expect(sim.snapshot().lost ?? null).toBeNull();
    expect(sim.snapshot().now).toBe(120);
  });
});
