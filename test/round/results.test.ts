import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/app/settings';
import {
  buildResults,
  decisionsIn,
  type ResultsExport,
  resultsFileName,
  resultsInputOf,
  tableSlug,
} from '../../src/round/results';
import { marginOf, rankResults, readResultsFile } from '../../src/round/resultsFile';
import { allEventsOf, compareWithReplay, createSimulation, policies, Replay, runRound, scoreCard } from '../../src/sim';
import { scenario } from '../sim/fixtures';

const AT = new Date(Date.UTC(2026, 10, 23, 9, 5));

function playedRound() {
  const sim = createSimulation(scenario(), { seed: 42, weeks: 1 });
  sim.advance(9 * 60);
  sim.dispatch({ type: 'injectIncident', service: 'checkout', kind: 'capacity', staged: true });
  let incident = '';
  for (let i = 0; i < 240 && !incident; i++) {
    sim.advance(1);
    const s = sim.snapshot();
    incident = s.openIncidents.find((id) => s.incidents[id]?.phase === 'paged') ?? '';
  }
  sim.dispatch({ type: 'acknowledge', incident });
  const s = sim.snapshot();
  const responder = s.incidents[incident]?.responders[0] ?? '';
  expect(sim.dispatch({ type: 'assignRole', incident, role: 'commander', engineer: responder }).ok).toBe(true);
  expect(sim.dispatch({ type: 'postStatus', incident }).ok).toBe(true);
  // A second update in the same half-hour stretch tells customers nothing new, and is refused.
  expect(sim.dispatch({ type: 'postStatus', incident }).ok).toBe(false);
  sim.advance(31);
  expect(sim.dispatch({ type: 'postStatus', incident }).ok).toBe(true);
  expect(sim.dispatch({ type: 'mitigate', incident, action: 'scale-up' }).ok).toBe(true);
  return sim;
}

describe('results of a table', () => {
  it('count the player decisions by command from the events they leave, and nothing the world did alone', () => {
    const sim = playedRound();
    const decisions = decisionsIn(allEventsOf(sim.snapshot()));
    expect(decisions).toEqual({ injectIncident: 1, assignRole: 1, postStatus: 2, mitigate: 1 });
  });

  it('take the score, incidents and silent successes from the score card and the replay', () => {
    const s = runRound(scenario(), { seed: 3, weeks: 2, policy: policies['learning-first']! });
    const replay = new Replay(scenario(), s).advanceTo(s.now);
    const silent = compareWithReplay(s, replay);
    const input = resultsInputOf(s, silent, scoreCard(replay).score);
    expect(input.score).toBeCloseTo(scoreCard(s).score, 0);
    expect(input.silentSuccesses).toBe(silent.net);
    expect(input.replayIncidents).toBe(silent.replayIncidents);
    expect(input.incidents).toBe(silent.incidents);
    expect(input.par).toBeCloseTo(scoreCard(replay).score, 0);
    expect(resultsInputOf(s, silent).par).toBeNull();
    const r = buildResults(s, input, {
      table: 'Table 3',
      setupLink: 'x#round=platform',
      scenarioName: 'Pantry',
      at: AT,
    });
    expect(r).toMatchObject({ kind: 'firepants-results', version: 1, table: 'Table 3', seed: 3, weeks: 2 });
    expect(r.scenario).toEqual({ id: 'platform', name: 'Pantry' });
    expect(r.decisions.scheduleRetro).toBeGreaterThan(0);
    const back = readResultsFile('t3.json', JSON.stringify(r));
    expect(back).toEqual({ ok: true, results: r });
  });

  it('get a distinct file name per table, scenario, seed and minute', () => {
    const name = resultsFileName(
      { table: 'Tablé 3 — the Ops!', scenario: { id: 'platform', name: 'P' }, seed: -7 },
      AT,
    );
    expect(name).toBe('firepants-table-3-the-ops-platform-seed-7-20261123-0905.json');
    expect(tableSlug('  ***  ')).toBe('table');
  });
});

describe('the table name', () => {
  it('is remembered with the settings; anything but text falls back to none, and long names are cut', () => {
    expect(parseSettings('{"tableName": "Blue table"}').tableName).toBe('Blue table');
    expect(parseSettings('{"tableName": 7}').tableName).toBe(DEFAULT_SETTINGS.tableName);
    expect(parseSettings(JSON.stringify({ tableName: 'x'.repeat(80) })).tableName).toHaveLength(60);
  });
});

describe('reading exported results on the compare page', () => {
  const good = (over: Partial<ResultsExport> = {}): ResultsExport => ({
    kind: 'firepants-results',
    version: 1,
    table: 'Blue',
    setupLink: 'http://x/#round=platform&v=1',
    scenario: { id: 'platform', name: 'Pantry Platform' },
    seed: 42,
    weeks: 4,
    score: 120,
    par: null,
    incidents: 8,
    replayIncidents: 10,
    silentSuccesses: 3,
    decisions: { mitigate: 4 },
    exportedAt: AT.toISOString(),
    ...over,
  });

  it.each([
    ['{', 'blue.json: not valid JSON'],
    ['[]', 'blue.json: not a results file'],
    [JSON.stringify({ ...good(), kind: 'save' }), 'blue.json: kind: expected "firepants-results", found "save"'],
    [JSON.stringify({ ...good(), version: 2 }), 'blue.json: version: this page reads version 1, found 2'],
    [JSON.stringify({ ...good(), weeks: 3 }), 'blue.json: weeks: use 1, 2, 4, 8 or 13'],
    [JSON.stringify({ ...good(), score: 'high' }), 'blue.json: score:'],
    [JSON.stringify({ ...good(), decisions: { hack: 1 } }), 'blue.json: decisions: Unrecognized key: "hack"'],
    [JSON.stringify({ ...good(), silentSuccesses: -1 }), 'blue.json: silentSuccesses:'],
    [JSON.stringify({ ...good(), table: '' }), 'blue.json: table:'],
    [
      JSON.stringify({ ...good(), byRole: [{ player: 'Sam', role: 'boss', decisions: 2 }] }),
      'blue.json: byRole[0].role:',
    ],
    [
      JSON.stringify({ ...good(), reflection: { before: [1, 9, null], after: [null, null, null] } }),
      'blue.json: reflection.before[1]:',
    ],
    [
      JSON.stringify({ ...good(), reflection: { before: [1], after: [null, null, null] } }),
      'blue.json: reflection.before:',
    ],
  ])('refuses %s, naming the file and the field', (text, message) => {
    const r = readResultsFile('blue.json', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(message);
  });

  it('carry each player’s decisions by role and the before-and-after reflection, and read them back', () => {
    const s = runRound(scenario(), { seed: 3, weeks: 1, policy: policies['learning-first']! });
    const seat = (player: string, role: 'commander' | 'ops' | 'comms') => ({ player, role });
    const entries = [
      {
        at: 1,
        by: 'player' as const,
        command: { type: 'postStatus' as const, incident: 'a' },
        seat: seat('Lee', 'comms'),
      },
      {
        at: 2,
        by: 'player' as const,
        command: { type: 'postStatus' as const, incident: 'a' },
        seat: seat('Lee', 'comms'),
      },
      {
        at: 3,
        by: 'player' as const,
        command: { type: 'mitigate' as const, incident: 'a', action: 'restart' as const },
        seat: seat('Sam', 'ops'),
      },
      { at: 4, by: 'player' as const, command: { type: 'runDrill' as const, team: 't', service: 's' } },
    ];
    const reflection = { before: [4, 5, 2], after: [2, 3, null] };
    const r = buildResults(s, resultsInputOf(s, null), {
      table: 'Red',
      setupLink: 'x',
      scenarioName: 'P',
      at: AT,
      entries,
      reflection,
    });
    expect(r.byRole).toEqual([
      { player: 'Lee', role: 'comms', decisions: 2 },
      { player: 'Sam', role: 'ops', decisions: 1 },
    ]);
    expect(r.reflection).toEqual(reflection);
    expect(readResultsFile('red.json', JSON.stringify(r))).toEqual({ ok: true, results: r });
    // A table that named nobody and answered nothing exports neither.
    const plain = buildResults(s, resultsInputOf(s, null), {
      table: 'Red',
      setupLink: 'x',
      scenarioName: 'P',
      at: AT,
      entries: [],
      reflection: { before: [null, null, null], after: [null, null, null] },
    });
    expect(plain).not.toHaveProperty('byRole');
    expect(plain).not.toHaveProperty('reflection');
  });

  it('ranks by score minus par, then by silent successes', () => {
    const a = good({ table: 'A', score: 150, par: 100, silentSuccesses: 1 });
    const b = good({ table: 'B', score: 130, par: 60, silentSuccesses: 0 });
    const c = good({ table: 'C', score: 120, par: 50, silentSuccesses: 4 });
    const d = good({ table: 'D', score: 40, par: null, silentSuccesses: 9 });
    expect(rankResults([a, b, c, d]).map((r) => r.table)).toEqual(['C', 'B', 'A', 'D']);
    expect(marginOf(d)).toBe(40);
  });
});
