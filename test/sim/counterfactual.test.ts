import { describe, expect, it } from 'vitest';
import { compareWithReplay, policies, Replay, runRound, silentSuccesses, stateHash } from '../../src/sim';
import { must, scenario } from './fixtures';

const platform = scenario('platform');

describe('silent successes: the never-learning replay', () => {
  it('the replay of a baseline round is that very round', () => {
    const ours = runRound(platform, { seed: 23, weeks: 2, policy: must(policies.baseline) });
    const replay = new Replay(platform, ours).advanceTo(ours.now);
    expect(stateHash(replay)).toBe(stateHash(ours));
    const report = compareWithReplay(ours, replay);
    expect(report.prevented).toEqual([]);
    expect(report.customerMinutesSaved).toBe(0);
    expect(report.extraHere).toBe(0);
    expect(report.replayIncidents).toBe(ours.incidentOrder.length);
  });

  it('an incident that happened only in the replay is counted as prevented, with what prevented it', () => {
    const ours = runRound(platform, { seed: 23, weeks: 2, policy: must(policies.baseline) });
    const replay = new Replay(platform, ours).advanceTo(ours.now);
    const first = ours.incidentOrder.map((id) => ours.incidents[id]).find((i) => i && !i.injected);
    expect(first).toBeDefined();
    if (!first) return;
    // Our world, but the condition behind that incident was removed the minute before it fired.
    const learned = structuredClone(ours);
    delete learned.incidents[first.id];
    learned.incidentOrder = learned.incidentOrder.filter((id) => id !== first.id);
    learned.actionItems['ai-fix'] = {
      id: 'ai-fix',
      retroId: null,
      factorId: null,
      factorKey: 'condition',
      conditionId: first.conditionId,
      service: first.service,
      team: 'data',
      type: 'prevent',
      owner: 'esi',
      title: 'Remove it',
      costDays: 4,
      doneHours: 32,
      status: 'closed',
      createdAt: 0,
      closedAt: first.startedAt - 1,
      lastWorkedAt: first.startedAt - 1,
    };
    const report = compareWithReplay(learned, replay);
    expect(report.prevented.map((p) => p.incident.id)).toEqual([first.id]);
    expect(report.prevented[0]?.preventedBy).toEqual({ id: 'ai-fix', title: 'Remove it' });
    expect(report.customerMinutesSaved).toBeCloseTo(first.customerMinutes, 9);
    expect(report.extraHere).toBe(0);
  });

  it('honesty cuts both ways: incidents only we had are counted too', () => {
    const ours = runRound(platform, { seed: 29, weeks: 1, policy: must(policies['learning-first']) });
    const report = silentSuccesses(platform, ours);
    const mine = ours.incidentOrder.filter((id) => !ours.incidents[id]?.injected).length;
    expect(report.extraHere).toBeGreaterThanOrEqual(0);
    expect(report.extraHere).toBeLessThanOrEqual(mine);
    expect(mine - report.extraHere).toBe(report.replayIncidents - report.prevented.length);
  });
});
