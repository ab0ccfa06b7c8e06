import { describe, expect, it } from 'vitest';
import { LEARNERS as HONEST, OTHER_LEARNERS } from '../../src/headless/balanceTable';
import { summarize } from '../../src/headless/report';
import { playRound, policies, type Scenario } from '../../src/sim';
import { must, scenario } from './fixtures';

/**
 * The score is a claim: honest learners must beat every bot that does not learn, farms, blames or
 * crams. `npm run balance` runs the full table over many seeds; this keeps a bounded slice in CI.
 */
const LEARNERS: readonly string[] = HONEST;
const ALSO_LEARNING: readonly string[] = OTHER_LEARNERS;
const OTHERS = Object.keys(policies).filter((p) => !LEARNERS.includes(p) && !ALSO_LEARNING.includes(p));

function scores(sc: Scenario, seed: number, weeks: number, names = [...LEARNERS, ...OTHERS]): Record<string, number> {
  const baseline = must(policies.baseline);
  const plain = playRound(sc, { seed, weeks, policy: baseline, fast: true }).state;
  const out: Record<string, number> = {};
  for (const name of names) {
    const played = playRound(sc, { seed, weeks, policy: must(policies[name]), fast: true });
    const replay =
      played.inputs.length === 0
        ? plain
        : playRound(sc, { seed, weeks, policy: baseline, inputs: played.inputs, fast: true }).state;
    const r = summarize(sc, played.state, name, replay);
    expect(r.silentSuccesses, `${name} over-claims`).toBeLessThanOrEqual(Math.max(0, r.replayIncidents - r.incidents));
    if (name === 'baseline') expect(r.silentSuccesses).toBe(0);
    out[name] = r.score;
  }
  return out;
}

describe('the score cannot be gamed', () => {
  it('has at least ten adversarial bots and three honest learners to keep it honest', () => {
    expect(OTHERS.length).toBeGreaterThanOrEqual(15);
    for (const l of LEARNERS) expect(Object.keys(policies)).toContain(l);
  });

  for (const [id, weeks, seed] of [
    ['platform', 4, 1],
    ['platform', 4, 2],
    ['scaleup', 2, 1],
    ['scaleup', 2, 2],
    ['startup', 1, 1],
    ['startup', 1, 2],
  ] as const) {
    it(`on ${id} at ${weeks} week${weeks === 1 ? '' : 's'}, seed ${seed}, every honest learner beats every other bot`, () => {
      const s = scores(scenario(id), seed, weeks);
      for (const l of LEARNERS) {
        for (const o of OTHERS) expect(must(s[l]), `${l} vs ${o}`).toBeGreaterThan(must(s[o]));
      }
    }, 240_000);
  }

  // A bot left out of the adversaries must earn it: it learns for real on the same slice (a weakness closed or an
  // incident prevented, told it learned), and is never above an honest learner by farming what it already fixed.
  it('the other learners learn for real: each closes real weaknesses and is told it learned', () => {
    for (const [id, weeks, seed] of [
      ['platform', 4, 1],
      ['startup', 1, 1],
    ] as const) {
      const sc = scenario(id);
      for (const name of ALSO_LEARNING) {
        const played = playRound(sc, { seed, weeks, policy: must(policies[name]), fast: true });
        const r = summarize(sc, played.state, name);
        expect(r.itemsClosedOnRealWeaknesses, `${name} on ${id}`).toBeGreaterThan(0);
        expect(r.outcome, `${name} on ${id}`).toBe('learned');
      }
    }
  }, 240_000);
});
