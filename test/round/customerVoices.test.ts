import { describe, expect, it } from 'vitest';
import { customerVoices } from '../../src/round/customerVoices';
import { createSimulation, type Incident } from '../../src/sim';
import { scenario } from '../sim/fixtures';

/** Checkout on fire, an hour after it was noticed, with or without a status update when it was. */
function burning(status: boolean) {
  const sim = createSimulation(scenario('platform'), { seed: 5, weeks: 1 });
  sim.advance(600);
  expect(sim.dispatch({ type: 'injectIncident', service: 'checkout', kind: 'capacity', staged: true }).ok).toBe(true);
  const s0 = sim.snapshot();
  const id = s0.incidentOrder.find((i) => s0.incidents[i]?.injected) ?? '';
  while (sim.snapshot().incidents[id]?.phase === 'undetected') sim.advance(1);
  if (status) expect(sim.dispatch({ type: 'postStatus', incident: id }).ok).toBe(true);
  sim.advance(60);
  const s = sim.snapshot();
  return { s, inc: s.incidents[id] as Incident };
}

describe('what customers say (the comms view)', () => {
  it('grows angry when nobody tells them anything, and is reassured by a recent status update', () => {
    const silent = burning(false);
    const told = burning(true);
    const moods = (v: ReturnType<typeof customerVoices>) => v.map((x) => x.mood);
    expect(moods(customerVoices(silent.s, silent.inc))).toContain('angry');
    expect(moods(customerVoices(silent.s, silent.inc))).not.toContain('reassured');
    expect(moods(customerVoices(told.s, told.inc))).toContain('reassured');
    const angry = (v: ReturnType<typeof customerVoices>) => moods(v).filter((m) => m === 'angry').length;
    expect(angry(customerVoices(told.s, told.inc))).toBeLessThan(angry(customerVoices(silent.s, silent.inc)));
  });

  it('says the same thing on every redraw, at most six lines, and never names the cause', () => {
    const { s, inc } = burning(false);
    const voices = customerVoices(s, inc);
    expect(customerVoices(s, inc)).toEqual(voices);
    expect(voices.length).toBeGreaterThan(0);
    expect(voices.length).toBeLessThanOrEqual(6);
    for (const v of voices) expect(v.text).not.toMatch(/capacity|config|deploy|dependency|certificate/i);
  });

  it('is quiet for alert noise, which customers never feel', () => {
    const { s, inc } = burning(false);
    expect(customerVoices(s, { ...inc, kind: 'alert-noise' })).toEqual([]);
  });
});
