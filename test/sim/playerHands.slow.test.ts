import { describe, expect, it } from 'vitest';
import { type Command, type Policy, playRound, policies, stateHash } from '../../src/sim';
import { isCommandEntry } from '../../src/sim/inputLog';
import { replayLog } from '../../src/sim/logReplay';
import { allEvents } from '../../src/sim/model/world';
import { ackPages } from '../../src/sim/policies/helpers';
import { must, scenario } from './fixtures';

/** A player who answers every page and then does nothing else. */
const ackOnly: Policy = (s) => ackPages(s);

const SEEDS = [1, 2, 3];

describe('the player’s hands: nothing is fixed unless someone chooses the fix', () => {
  it('an ack-only player sees no mitigation at all, and the fires keep burning', () => {
    const { state } = playRound(scenario('platform'), { fast: true, seed: 1, weeks: 2, policy: ackOnly });
    const events = allEvents(state);
    expect(events.some((e) => e.type === 'acknowledged')).toBe(true);
    expect(events.filter((e) => e.type === 'mitigation-started')).toEqual([]);
    const fresh = Object.values(state.incidents).filter((i) => !i.prior);
    expect(fresh.length).toBeGreaterThan(0);
    for (const inc of fresh) {
      expect(inc.attempts).toEqual([]);
      expect(inc.resolvedAt).toBeNull();
    }
    expect(events.some((e) => e.type === 'spread')).toBe(true);
  });

  it('every mitigation started in a played round was a mitigate command on its log', () => {
    for (const name of ['careful', 'baseline'] as const) {
      const played = playRound(scenario('platform'), { fast: true, seed: 2, weeks: 1, policy: must(policies[name]) });
      const started = allEvents(played.state).filter((e) => e.type === 'mitigation-started');
      const asked = played.entries.filter(isCommandEntry).filter((e) => e.command.type === 'mitigate');
      expect(started.length, name).toBeGreaterThan(0);
      expect(started.map((e) => e.at)).toEqual(asked.map((e) => e.at));
    }
  });

  it('an ack-only player loses at least three times the customer-minutes of a careful responder', () => {
    let ignored = 0;
    let careful = 0;
    for (const seed of SEEDS) {
      const options = { seed, weeks: 4 };
      ignored += playRound(scenario('platform'), { fast: true, ...options, policy: ackOnly }).state.totals
        .customerMinutes;
      careful += playRound(scenario('platform'), { fast: true, ...options, policy: must(policies.careful) }).state
        .totals.customerMinutes;
    }
    expect(careful).toBeGreaterThan(0);
    expect(ignored).toBeGreaterThanOrEqual(3 * careful);
  });

  it('the never-learning baseline still ends every incident it meets', () => {
    for (const seed of SEEDS) {
      const { state } = playRound(scenario('platform'), {
        fast: true,
        seed,
        weeks: 2,
        policy: must(policies.baseline),
      });
      const stuck = state.openIncidents
        .map((id) => must(state.incidents[id]))
        .filter((i) => state.now - i.startedAt > 600);
      expect(
        stuck.map((i) => `${i.id} ${i.kind}`),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });
});

describe('delegating the response to the team', () => {
  const delegateOnce: Policy = (s) =>
    s.delegated ? ackPages(s) : [{ type: 'delegateResponse', on: true } as Command, ...ackPages(s)];

  it('is off by default: the same ack-only player fixes nothing', () => {
    const { state } = playRound(scenario('platform'), { fast: true, seed: 3, weeks: 1, policy: ackOnly });
    expect(state.delegated ?? false).toBe(false);
    expect(allEvents(state).some((e) => e.type === 'mitigation-started')).toBe(false);
  });

  it('when on, the team investigates and fixes through logged commands, and the log replays to the same world', () => {
    const played = playRound(scenario('platform'), { fast: true, seed: 3, weeks: 1, policy: delegateOnce });
    const entries = played.entries.filter(isCommandEntry);
    expect(entries.filter((e) => e.command.type === 'delegateResponse')).toHaveLength(1);
    const byTeam = entries.filter((e) => e.by === 'delegate');
    expect(byTeam.some((e) => e.command.type === 'investigate')).toBe(true);
    const fixes = byTeam.filter((e) => e.command.type === 'mitigate');
    expect(fixes.length).toBeGreaterThan(0);
    const started = allEvents(played.state).filter((e) => e.type === 'mitigation-started');
    expect(started.length).toBe(fixes.length);
    const stuck = played.state.openIncidents.filter(
      (id) => played.state.now - must(played.state.incidents[id]).startedAt > 600,
    );
    expect(stuck).toEqual([]);
    const replayed = replayLog({
      logVersion: 1,
      scenario: scenario('platform'),
      seed: 3,
      weeks: 1,
      entries: played.entries,
      until: played.state.now,
    });
    expect(replayed.ok).toBe(true);
    if (replayed.ok) expect(stateHash(replayed.state)).toBe(stateHash(played.state));
  });
});
