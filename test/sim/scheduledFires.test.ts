import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RoundSession } from '../../src/round/roundSession';
import { allEventsOf, createWorld, type Scenario, stateHash, validateScenario } from '../../src/sim';
import { Replay } from '../../src/sim/counterfactual';
import { replayLog } from '../../src/sim/logReplay';
import { baseline, learningFirst } from '../../src/sim/policies';
import { logOf, playRound } from '../../src/sim/runRound';
import { rawScenario } from './fixtures';

function withFires(fires: unknown[]): Scenario {
  const raw = { ...rawScenario('startup'), fires };
  const r = validateScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const startsAt = (state: { incidents: Record<string, { startedAt: number; prior?: boolean; affected: string[] }> }) =>
  Object.values(state.incidents)
    .filter((i) => !i.prior)
    .map((i) => `${i.startedAt}:${i.affected[0]}`);

describe('scenario versions', () => {
  it('read a version 1 file as the current version with no scheduled fires', () => {
    const r = validateScenario(JSON.parse(readFileSync('test/fixtures/scenario-v1.json', 'utf8')));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenario.schemaVersion).toBe(3);
    expect(r.scenario.fires).toEqual([]);
  });

  it('read a version 2 file whose fire names a weakness its service lacks: the weakness is declared, once', () => {
    const raw = JSON.parse(readFileSync('test/fixtures/scenario-v2.json', 'utf8'));
    const r = validateScenario(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenario.schemaVersion).toBe(3);
    const kinds = (id: string) => r.scenario.services.find((s) => s.id === id)?.conditions.map((c) => c.kind);
    // api had retry-storm and certificate; its scheduled capacity fire now has a capacity weakness to set off.
    expect(kinds('api')).toEqual(['retry-storm', 'certificate', 'capacity']);
    // db already had a data weakness: nothing is added.
    expect(kinds('db')).toEqual(['capacity', 'data']);
  });

  it('refuse a current file whose fire names a weakness its service does not declare', () => {
    const r = validateScenario({
      ...rawScenario('startup'),
      fires: [{ day: 2, time: '14:30', service: 'api', kind: 'capacity' }],
    });
    expect(r.ok ? 'ok' : `${r.problems[0]?.path}: ${r.problems[0]?.message}`).toBe(
      'fires[0].kind: api has no capacity weakness for the fire to set off',
    );
  });

  it('name a bad scheduled fire', () => {
    const bad = (fire: unknown) => {
      const r = validateScenario({ ...rawScenario('startup'), fires: [fire] });
      return r.ok ? 'ok' : `${r.problems[0]?.path}: ${r.problems[0]?.message}`;
    };
    expect(bad({ day: 2, time: '14:30', service: 'nowhere', kind: 'capacity' })).toMatch(
      /^fires\[0\]\.service: no service "nowhere"/,
    );
    expect(bad({ day: 2, time: '25:00', service: 'api', kind: 'capacity' })).toMatch(
      /^fires\[0\]\.time: a time of day like "14:30"/,
    );
    expect(bad({ day: 0, time: '10:00', service: 'api', kind: 'capacity' })).toMatch(/^fires\[0\]\.day/);
    expect(bad({ day: 2, time: '10:00', service: 'api', kind: 'gremlins' })).toMatch(/^fires\[0\]\.kind/);
  });
});

describe('scheduled fires', () => {
  // Tiny Toast's database has a data weakness that no prior outage has set relapsing.
  const sc = withFires([{ day: 2, time: '14:30', service: 'db', kind: 'data' }]);
  const at = 1440 + 14 * 60 + 30;

  it('start at their minute, in the round and in the never-learning replay, once each', () => {
    const played = playRound(sc, { seed: 5, weeks: 1, policy: learningFirst });
    // Here the weakness gives way, or it held because the team had removed or guarded it first.
    const held = allEventsOf(played.state).some((e) => e.type === 'fire-held' && e.at === at);
    expect(held || startsAt(played.state).includes(`${at}:db`)).toBe(true);
    expect(played.inputs).toEqual([]);
    expect(played.entries.some((e) => e.by === 'scenario' && e.at === at)).toBe(true);
    const replay = new Replay(sc, played.state, played.inputs).advanceTo(played.state.now);
    expect(startsAt(replay).filter((s) => s === `${at}:db`)).toHaveLength(1);
    const plain = playRound(sc, { seed: 5, weeks: 1, policy: baseline }).state;
    expect(stateHash(replay)).toBe(stateHash(plain));
  });

  it('come in a table’s round and its ghost alike, and the log replays', () => {
    const world = createWorld(sc, { seed: 5, weeks: 1 });
    const session = RoundSession.start({
      scenario: sc,
      seed: 5,
      weeks: 1,
      ownership: world.ownership,
      rotation: world.rotation.byTeam,
    });
    session.advance(3 * 1440, false);
    expect(startsAt(session.snapshot() as never)).toContain(`${at}:db`);
    const ghost = session.ghost.follow(session.snapshot()).view;
    expect(ghost.report.replayIncidents).toBeGreaterThanOrEqual(1);
    expect(session.ghost.incidentStarts().filter((m) => m === at)).toHaveLength(1);
    const again = replayLog(
      logOf(sc, { seed: 5, weeks: 1 }, { state: session.snapshot() as never, inputs: [], entries: session.entries }),
    );
    if (!again.ok) throw new Error(again.problem);
    expect(stateHash(again.state)).toBe(stateHash(session.snapshot() as never));
  });
});
