import { describe, expect, it } from 'vitest';
import { RoundSession } from '../../src/round/roundSession';
import { makeSave, parseSave } from '../../src/round/save/save';
import { type Policy, stateHash } from '../../src/sim';
import { replayLog } from '../../src/sim/logReplay';
import { carefulResponse } from '../../src/sim/policies/helpers';
import { investLikeALearner } from '../../src/sim/policies/investing';
import { logOf, playRound } from '../../src/sim/runRound';
import { roundOver } from '../../src/sim/step';
import { scenario } from '../sim/fixtures';

/**
 * Responds carefully through the first week and a day, takes the week's investment, then stops answering
 * anything: the fires burn on and customers' trust runs out.
 */
const investOnly: Policy = (s) => [...(s.now < 8 * 1440 ? carefulResponse(s) : []), ...investLikeALearner(s)];

const platform = scenario('platform');
const played = playRound(platform, { seed: 1, weeks: 4, policy: investOnly });
const { state } = played;

describe('a saved round keeps its investments and its loss', () => {
  it('plays a round that chose an investment and was then lost', () => {
    expect(state.investments?.length).toBeGreaterThanOrEqual(1);
    expect(state.lost?.cause).toBe('trust');
    expect(roundOver(state)).toBe(true);
    expect(state.now).toBeLessThan(4 * 7 * 1440);
  });

  it('comes back from its save with both, still over: the clock does not move', () => {
    const log = { ownership: state.ownership, complete: true, entries: played.entries };
    const back = parseSave(JSON.stringify(makeSave(platform, state, [], 'now', log)));
    expect(back.ok, back.ok ? '' : back.reason).toBe(true);
    if (!back.ok) return;
    expect(back.save.state.investments).toEqual(state.investments);
    expect(back.save.state.lost).toEqual(state.lost);
    expect(stateHash(back.save.state)).toBe(stateHash(state));
    const session = RoundSession.resume(back.save);
    expect(roundOver(session.snapshot())).toBe(true);
    expect(session.advance(600, false)).toEqual([]);
    expect(session.snapshot().now).toBe(state.now);
  });

  it('a save edited to point an investment at a service that does not exist is refused, naming it', () => {
    const raw = JSON.parse(JSON.stringify(makeSave(platform, state, [], 'now')));
    raw.state.investments[0].service = 'nowhere';
    raw.stateHash = undefined;
    const r = parseSave(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('investments[0].service');
  });

  it('its input log replays to the same lost world', () => {
    const log = logOf(platform, { seed: 1, weeks: 4 }, played, 'invest-only');
    expect(log.entries.some((e) => 'command' in e && e.command.type === 'chooseInvestment')).toBe(true);
    const again = replayLog(log);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(stateHash(again.state)).toBe(stateHash(state));
    expect(again.state.lost).toEqual(state.lost);
  });
});
