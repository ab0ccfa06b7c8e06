import { describe, expect, it } from 'vitest';
import { compareWithReplay, playRound, policies, Replay, stateHash } from '../../src/sim';
import { must, scenario } from './fixtures';

const platform = scenario('platform');
/** An outside fire on one of the service's own weaknesses (its first). */
const fire = (at: number, service: string) => ({
  at,
  command: {
    type: 'injectIncident' as const,
    service,
    kind: platform.services.find((s) => s.id === service)?.conditions[0]?.kind ?? 'capacity',
  },
});

describe('silent successes: the never-learning replay', () => {
  it('the replay of a baseline round is that very round, outside fires included', () => {
    const inputs = [fire(600, 'catalog'), fire(3000, 'queue')];
    const ours = playRound(platform, { fast: true, seed: 23, weeks: 2, policy: must(policies.baseline), inputs }).state;
    const replay = new Replay(platform, ours, inputs).advanceTo(ours.now);
    expect(stateHash(replay)).toBe(stateHash(ours));
    const report = compareWithReplay(ours, replay);
    expect(report.prevented).toEqual([]);
    expect(report.net).toBe(0);
    expect(report.extraHere).toBe(0);
    expect(report.replayIncidents).toBe(report.incidents);
  });

  it('guided, facilitator and demo fires happen in both timelines at the same minute, with the same luck', () => {
    const inputs = [fire(570, 'pantry-db')];
    const ours = playRound(platform, {
      fast: true,
      seed: 4,
      weeks: 1,
      policy: must(policies['learning-first']),
      inputs,
    }).state;
    const replay = new Replay(platform, ours, inputs).advanceTo(ours.now);
    const staged = (s: typeof ours) =>
      s.incidentOrder
        .map((id) => s.incidents[id])
        .filter((i) => i?.injected)
        .map((i) => [i?.startedAt, i?.service, (i?.detectAt ?? 0) - (i?.startedAt ?? 0)]);
    expect(staged(ours)).toEqual([[570, 'pantry-db', expect.any(Number)]]);
    expect(staged(replay)).toEqual(staged(ours));
  });

  it('a replay incident missing here is credited only with a change of ours behind it; luck is shown apart', () => {
    const ours = playRound(platform, { fast: true, seed: 23, weeks: 2, policy: must(policies.baseline) }).state;
    const replay = new Replay(platform, ours).advanceTo(ours.now);
    const [first, second] = ours.incidentOrder
      .map((id) => ours.incidents[id])
      .filter((i) => i && !i.injected && !i.prior);
    expect(first && second).toBeTruthy();
    if (!first || !second) return;
    const learned = structuredClone(ours);
    for (const gone of [first, second]) {
      delete learned.incidents[gone.id];
      learned.incidentOrder = learned.incidentOrder.filter((id) => id !== gone.id);
    }
    // Only the first one's condition had been weakened by a closed item before it fired.
    must(learned.conditions[first.conditionId]).weakened = [
      { at: first.startedAt - 1, by: 'item', id: 'ai-fix', title: 'Remove it', strengthBefore: 1, strengthAfter: 0 },
    ];
    const report = compareWithReplay(learned, replay);
    expect(report.prevented.map((p) => p.incident.id)).toEqual([first.id]);
    expect(report.prevented[0]?.preventedBy).toMatchObject({ id: 'ai-fix', title: 'Remove it', by: 'item' });
    expect(report.luck).toBe(1);
    expect(report.net).toBe(1);
    // A change made after the fire does not count.
    must(learned.conditions[first.conditionId]).weakened = [
      { at: first.startedAt + 1, by: 'item', id: 'ai-late', title: 'Too late', strengthBefore: 1, strengthAfter: 0 },
    ];
    expect(compareWithReplay(learned, replay).net).toBe(0);
  });

  it('never claims a success in a round where incidents rose', () => {
    const ours = playRound(platform, { fast: true, seed: 23, weeks: 2, policy: must(policies.baseline) }).state;
    const replay = new Replay(platform, ours).advanceTo(ours.now);
    const first = must(ours.incidentOrder.map((id) => ours.incidents[id]).find((i) => i && !i.prior));
    const worse = structuredClone(ours);
    delete worse.incidents[first.id];
    worse.incidentOrder = worse.incidentOrder.filter((id) => id !== first.id);
    must(worse.conditions[first.conditionId]).weakened = [
      { at: 0, by: 'item', id: 'ai-fix', title: 'Remove it', strengthBefore: 1, strengthAfter: 0 },
    ];
    // …but two extra incidents happened here.
    for (const n of [1, 2]) {
      const id = `inc-extra-${n}`;
      worse.incidents[id] = { ...first, id, conditionId: `elsewhere-${n}`, startedAt: 100 * n };
      worse.incidentOrder.push(id);
    }
    const report = compareWithReplay(worse, replay);
    expect(report.prevented).toHaveLength(1);
    expect(report.incidents).toBeGreaterThan(report.replayIncidents);
    expect(report.net).toBe(0);
  });
});
