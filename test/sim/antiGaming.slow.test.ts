import { describe, expect, it } from 'vitest';
import { LEARNERS as HONEST } from '../../src/headless/balanceTable';
import { summarize } from '../../src/headless/report';
import { playRound, policies, type Scenario } from '../../src/sim';
import { must, scenario } from './fixtures';

/**
 * The score is a claim: honest learners must beat every bot that does not learn, farms, blames or
 * crams. `npm run balance` runs the full table over many seeds; this keeps a bounded slice in CI.
 */
const LEARNERS: readonly string[] = HONEST;
const OTHERS = Object.keys(policies).filter((p) => !LEARNERS.includes(p));

function scores(sc: Scenario, seed: number, weeks: number): Record<string, number> {
  const baseline = must(policies.baseline);
  const plain = playRound(sc, { seed, weeks, policy: baseline }).state;
  const out: Record<string, number> = {};
  for (const name of [...LEARNERS, ...OTHERS]) {
    const played = playRound(sc, { seed, weeks, policy: must(policies[name]) });
    const replay =
      played.inputs.length === 0
        ? plain
        : playRound(sc, { seed, weeks, policy: baseline, inputs: played.inputs }).state;
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
});
