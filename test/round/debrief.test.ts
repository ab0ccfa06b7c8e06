import { describe, expect, it } from 'vitest';
import { Debrief } from '../../src/round/debrief';
import { stateHash } from '../../src/sim';
import { Replay } from '../../src/sim/counterfactual';
import { replayLog } from '../../src/sim/logReplay';
import { learningFirst } from '../../src/sim/policies';
import { logOf, playRound } from '../../src/sim/runRound';
import { scenario } from '../sim/fixtures';

const platform = scenario('platform');
const options = { seed: 43, weeks: 2 };
const inputs = [
  { at: 2000, command: { type: 'injectIncident' as const, service: 'catalog', kind: 'capacity' as const } },
];
const played = playRound(platform, { ...options, policy: learningFirst, inputs });
const log = logOf(platform, options, played, 'learning-first');

describe('the debrief', () => {
  const debrief = new Debrief(log);

  it('shows the round at any minute, forwards and back, exactly as replaying the log to it', () => {
    for (const m of [0, 5000, 777, 20159, 361, 12345, log.until]) {
      const direct = replayLog(log, m);
      if (!direct.ok) throw new Error(direct.problem);
      expect(stateHash(debrief.at(m).ours), `minute ${m}`).toBe(stateHash(direct.state));
    }
  });

  it('shows the never-learning replay at the same minute, facing the same fires', () => {
    for (const m of [3000, 100, log.until]) {
      const replay = new Replay(platform, played.state, played.inputs).advanceTo(m);
      expect(stateHash(debrief.at(m).ghost), `minute ${m}`).toBe(stateHash(replay));
    }
  });

  it('marks the moments that mattered, in order: incidents here, fires that did not happen, items closed', () => {
    const kinds = new Set(debrief.marks.map((m) => m.kind));
    expect(kinds.has('incident')).toBe(true);
    expect(kinds.has('item')).toBe(true);
    expect(debrief.marks.map((m) => m.at)).toEqual([...debrief.marks.map((m) => m.at)].sort((a, b) => a - b));
    expect(debrief.marks.every((m) => m.at >= 0 && m.at <= log.until)).toBe(true);
  });
});
