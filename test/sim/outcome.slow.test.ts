import { describe, expect, it } from 'vitest';
import {
  type Command,
  compareWithReplay,
  type Policy,
  policies,
  Replay,
  type RoundOutcome,
  roundOutcome,
  runRound,
  type Scenario,
  type SimState,
  scoreTerms,
} from '../../src/sim';
import { scenario } from './fixtures';

const platform = scenario('platform');

function ending(policy: Policy, seed: number, weeks = 1, where: Scenario = platform) {
  const state = runRound(where, { fast: true, seed, weeks, policy });
  const replay = new Replay(where, state).advanceTo(state.now);
  return { state, replay, outcome: roundOutcome(state, scoreTerms(replay), compareWithReplay(state, replay)) };
}

/** From the world alone: items whose closing lowered a weakness the system really had. */
function closedOnRealWeakness(s: SimState): number {
  const items = new Set<string>();
  for (const c of Object.values(s.conditions)) {
    if (c.origin === 'injected' || (c.origin as string) === 'push') continue;
    for (const w of c.weakened ?? []) if (w.by === 'item' && w.strengthAfter < w.strengthBefore) items.add(w.id);
  }
  return items.size;
}

/** Holds blameless retros and closes items, but only ones that touch no weakness: runbooks, pairing, drills of roles. */
const repairsOnly: Policy = (s) => {
  const out: Command[] = [];
  for (const c of policies['steady-learner']!(s)) {
    if (c.type === 'publishRetro') out.push({ ...c, share: false });
    else if (c.type === 'fileActionItem') {
      const factor = c.retro ? s.retros[c.retro]?.factors.find((f) => f.id === c.factor) : undefined;
      if (factor && !['condition', 'sibling-condition', 'recent-deploy'].includes(factor.key)) out.push(c);
    } else out.push(c);
  }
  return out;
};

const said = (o: RoundOutcome) => `${o.outcome}: ${o.reason}`;

describe('the outcome names what happened in the world', () => {
  it.each(['learning-first', 'steady-learner'])(
    'learned: %s comes through above par with items closed on real weaknesses, and says which',
    (bot) => {
      for (const seed of [1, 2]) {
        const { state, outcome } = ending(policies[bot]!, seed);
        expect(outcome.outcome, said(outcome)).toBe('learned');
        expect(outcome.facts.lead).toBeGreaterThan(0);
        expect(outcome.facts.learningLead).toBeGreaterThan(0);
        expect(outcome.facts.realFixes.length).toBe(closedOnRealWeakness(state));
        expect(outcome.facts.realFixes.length + outcome.facts.prevented).toBeGreaterThan(0);
        expect(outcome.reason).toMatch(/^The organization learned: /);
      }
    },
  );

  it.each(['careful', 'status-spam', 'retro-spam', 'item-hoarder'])(
    'held the line: %s beats par without closing an item on a real weakness or preventing anything, and is told so',
    (bot) => {
      // The first seed on which the bot ends above par (a bot that only responds well does not on every seed).
      const found = [1, 2, 3, 4, 5, 6, 7, 8]
        .map((seed) => ending(policies[bot]!, seed))
        .find((e) => e.outcome.outcome !== 'lost' && e.outcome.facts.lead > 0);
      expect(found, `${bot} never ended above par`).toBeDefined();
      if (!found) return;
      const { state, replay, outcome } = found;
      expect(outcome.outcome, said(outcome)).toBe('held-the-line');
      expect(closedOnRealWeakness(state)).toBe(0);
      expect(compareWithReplay(state, replay).prevented).toEqual([]);
      expect(outcome.reason).toContain('closed no item on a real weakness and prevented no incident');
      const mine = state.incidentOrder.filter((id) => !state.incidents[id]?.prior).length;
      const theirs = replay.incidentOrder.filter((id) => !replay.incidents[id]?.prior).length;
      expect(outcome.reason).toContain(`${mine} incident${mine === 1 ? '' : 's'} against the replay's ${theirs}`);
      expect(outcome.reason).toContain(
        `${Math.round(state.totals.customerMinutes)} customer-minutes against ${Math.round(replay.totals.customerMinutes)}`,
      );
    },
  );

  it('held the line, not learned, for a table whose closed items touch no weakness', () => {
    for (const seed of [1, 2, 3]) {
      const { state, replay, outcome } = ending(repairsOnly, seed);
      expect(Object.values(state.actionItems).filter((a) => a.status === 'closed').length).toBeGreaterThan(0);
      expect(closedOnRealWeakness(state)).toBe(0);
      expect(compareWithReplay(state, replay).prevented).toEqual([]);
      expect(outcome.outcome, said(outcome)).toBe('held-the-line');
    }
  });

  it.each(['baseline', 'hero-everything', 'drill-spam'])(
    'survived: %s scores no better than par and is told so',
    (bot) => {
      const { outcome } = ending(policies[bot]!, 1);
      expect(outcome.outcome, said(outcome)).toBe('survived');
      expect(outcome.facts.lead).toBeLessThanOrEqual(0);
      expect(outcome.reason).toContain('scored no better than the team that never learns');
    },
  );

  it('lost: a table that answers nothing loses on trust, and the account says what would have prevented it', () => {
    const { state, outcome } = ending(policies['do-nothing']!, 1, 2);
    expect(outcome.outcome).toBe('lost');
    expect(outcome.loss?.cause).toBe('trust');
    expect(outcome.loss?.at).toBe(state.lost?.at);
    expect(outcome.reason).toBe(state.lost?.reason);
    const all = state.incidentOrder.map((id) => state.incidents[id]).filter((i) => i && !i.prior);
    const neverFixed = all.filter((i) => i?.mitigatedAt === null).length;
    expect(neverFixed).toBeGreaterThan(0);
    expect(outcome.loss?.wouldHavePrevented.join(' ')).toContain(
      `${neverFixed} of ${all.length} incident${all.length === 1 ? '' : 's'} ${neverFixed === 1 ? 'was' : 'were'} never mitigated`,
    );
  });
});
