import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSave, parseSave } from '../../src/round/save/save';
import { createSimulationFromState, type Policy, playRound, stateHash } from '../../src/sim';
import { ackPages } from '../../src/sim/policies/helpers';
import { scenario } from '../sim/fixtures';

describe('saves and the investigation', () => {
  it('an old save without clues loads with none, and plays on', () => {
    const r = parseSave(readFileSync('test/fixtures/save-v1-round.json', 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const incidents = Object.values(r.save.state.incidents);
    expect(incidents.length).toBeGreaterThan(0);
    for (const inc of incidents) {
      expect(inc.clues).toEqual([]);
      expect(inc.inquiries).toEqual([]);
    }
    expect(r.save.stateHash).toBe(stateHash(r.save.state));
    const sim = createSimulationFromState(r.save.state);
    expect(() => sim.advance(600)).not.toThrow();
  });

  it('keeps the clues, the steps under way and the delegation setting, and refuses a clue of no known class', () => {
    let asked = false;
    // Investigates the first incident it sees with whoever answered, once; then delegates the rest.
    const policy: Policy = (s) => {
      const out = ackPages(s);
      const inc = s.openIncidents.map((id) => s.incidents[id]).find((i) => i?.phase === 'investigating');
      if (inc && !asked && inc.responders[0]) {
        asked = true;
        out.push({ type: 'investigate', incident: inc.id, step: 'logs', engineer: inc.responders[0] });
        out.push({ type: 'investigate', incident: inc.id, step: 'deploys', engineer: inc.responders[0] });
      }
      if (asked && !s.delegated) out.push({ type: 'delegateResponse', on: true });
      return out;
    };
    const { state } = playRound(scenario('platform'), { seed: 4, weeks: 1, policy, until: 3 * 1440 });
    expect(state.delegated).toBe(true);
    const withClues = Object.values(state.incidents).filter((i) => i.clues.length > 0);
    expect(withClues.length).toBeGreaterThan(0);
    const text = JSON.stringify(makeSave(scenario('platform'), state, [], '2026-11-24T00:00:00.000Z'));
    const loaded = parseSave(text);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(stateHash(loaded.save.state)).toBe(stateHash(state));
      expect(loaded.save.state.delegated).toBe(true);
    }
    const raw = JSON.parse(text);
    const id = withClues[0]?.id ?? '';
    raw.state.incidents[id].clues[0].consistentWith = ['gremlins'];
    const bad = parseSave(JSON.stringify(raw));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain(`incidents.${id}.clues[0].consistentWith[0]`);
  });
});
