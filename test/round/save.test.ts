import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSave, parseSave } from '../../src/round/save/save';
import { createSimulationFromState, playRound, policies, runRound, stateHash } from '../../src/sim';
import { scenario } from '../sim/fixtures';

const platform = scenario('platform');
const state = runRound(platform, { seed: 9, weeks: 2, policy: policies.careful!, until: 3 * 1440 });
const text = JSON.stringify(makeSave(platform, state, [], '2026-11-23T00:00:00.000Z'));

describe('saved rounds', () => {
  it('come back exactly as they were saved, and play on identically', () => {
    const loaded = parseSave(text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(stateHash(loaded.save.state)).toBe(stateHash(state));
    const a = createSimulationFromState(loaded.save.state);
    const b = createSimulationFromState(state);
    a.advance(600);
    b.advance(600);
    expect(stateHash(a.snapshot())).toBe(stateHash(b.snapshot()));
  });

  it('refuse text that is not JSON, with a reason', () => {
    const r = parseSave('{"saveVersion": 1, "sta');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('not valid JSON') });
  });

  it('refuse an unknown version', () => {
    const r = parseSave(JSON.stringify({ ...JSON.parse(text), saveVersion: 99 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('unknown version');
  });

  it('catch a damaged or edited world by its check', () => {
    const raw = JSON.parse(text);
    raw.state.customerTrust = 1;
    const r = parseSave(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('damaged or edited');
  });

  it('refuse a save whose scenario is broken, naming the field', () => {
    const raw = JSON.parse(text);
    raw.scenario.services[0].customerWeight = 7;
    const r = parseSave(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('services["gateway"].customerWeight');
  });

  it('keep what the organization has learned and how hard the pager has pressed each person', () => {
    const loaded = parseSave(text);
    if (!loaded.ok) throw new Error(loaded.reason);
    const fed = Object.values(state.services).filter((svc) => (svc.ownerFeedback ?? 0) > 0);
    const paged = Object.values(state.engineers).filter((e) => (e.pagesThisMonth ?? 0) > 0);
    expect(fed.length).toBeGreaterThan(0);
    expect(paged.length).toBeGreaterThan(0);
    for (const svc of fed) expect(loaded.save.state.services[svc.id]?.ownerFeedback).toBe(svc.ownerFeedback);
    for (const e of paged) {
      const back = loaded.save.state.engineers[e.id];
      expect(back?.pagesThisMonth).toBe(e.pagesThisMonth);
      expect(back?.onCallHoursThisWeek).toBe(e.onCallHoursThisWeek);
    }
  });

  it('still read the version 1 fixture', () => {
    const r = parseSave(readFileSync('test/fixtures/save-v1.json', 'utf8'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.save.scenario.id).toBe('startup');
      expect(r.save.state.now).toBe(2 * 1440);
    }
  });
});

describe('a save of a real round', () => {
  it('keeps the score ledger, repeat failures, last week’s outages and the ghost’s inputs', () => {
    const make = makeSave;
    const parse = parseSave;
    const sc = scenario;
    const inputs = [
      { at: 600, command: { type: 'injectIncident' as const, service: 'catalog', kind: 'capacity' as const } },
    ];
    const { state } = playRound(sc('platform'), { seed: 8, weeks: 2, policy: policies['learning-first']!, inputs });
    expect(Object.values(state.conditions).some((c) => (c.weakened ?? []).length > 0)).toBe(true);
    const log = {
      ownership: state.ownership,
      complete: false,
      entries: inputs.map((i) => ({ ...i, by: 'facilitator' as const })),
    };
    const text = JSON.stringify(make(sc('platform'), state, [], 'now', log));
    const back = parse(text);
    expect(back.ok, back.ok ? '' : back.reason).toBe(true);
    if (!back.ok) return;
    expect(back.save.stateHash).toBe(make(sc('platform'), state, [], 'now').stateHash);
    expect(back.save.log).toEqual(log);
  });
});
