import { describe, expect, it } from 'vitest';
import { Debrief } from '../../src/round/debrief';
import { sideAt } from '../../src/round/debriefMoment';
import {
  conditionWords,
  createWorld,
  type Mitigation,
  policies,
  stateHash,
  weaknessesOf,
  workingRemedies,
} from '../../src/sim';
import { Replay } from '../../src/sim/counterfactual';
import { replayLog } from '../../src/sim/logReplay';
import { learningFirst } from '../../src/sim/policies';
import { logOf, playRound } from '../../src/sim/runRound';
import { scenario } from '../sim/fixtures';

const platform = scenario('platform');
const options = { seed: 43, weeks: 2 };
// A facilitator's fire sets off one of Catalog's own weaknesses: the strongest it starts with.
const catalogWeakness = weaknessesOf(createWorld(platform, options), 'catalog')[0];
if (!catalogWeakness) throw new Error('Catalog starts with no weakness to set off');
const inputs = [
  { at: 2000, command: { type: 'injectIncident' as const, service: 'catalog', kind: catalogWeakness.kind } },
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

describe('the debrief names the decisions', () => {
  const debrief = new Debrief(log);
  const end = debrief.at(log.until).ours;
  const say = (kind: string) => debrief.marks.filter((m) => m.kind === kind).map((m) => m.text);

  it('names each mitigation chosen and whether it was right for the true class, from the attempt the world kept', () => {
    const chosen = debrief.marks.filter((m) => m.kind === 'decision' && / chose to /.test(m.text));
    expect(chosen.length).toBeGreaterThan(0);
    for (const m of chosen) {
      const [, action = '', service = '', verdict = '', what = ''] =
        m.text.match(/chose to (.+) (\S+) — (right|wrong) for the (.+?)[:;,]/) ?? [];
      const inc = Object.values(end.incidents).find(
        (i) => end.services[i.service]?.name === service && i.attempts.some((a) => a.startedAt === m.at),
      );
      expect(inc, m.text).toBeDefined();
      if (!inc) continue;
      const attempt = inc.attempts.find((a) => a.startedAt === m.at);
      const fits = workingRemedies(inc);
      expect(what, m.text).toBe(conditionWords(inc.kind));
      expect(verdict === 'right', m.text).toBe(fits.includes(attempt?.action as Mitigation));
      expect(action.length).toBeGreaterThan(0);
      if (attempt?.outcome === 'worked') expect(m.text).toContain('it put the fire out');
      if (attempt?.outcome === 'worse') expect(m.text).toContain('made the fire worse');
    }
  });

  it('names each investigation step, who took it and the clue it brought', () => {
    const steps = debrief.marks.filter((m) => m.kind === 'decision' && / had \S+ .+ on \S+ — /.test(m.text));
    expect(steps.length).toBeGreaterThan(0);
    for (const m of steps) {
      const clue = m.text.match(/“(.+)”$/)?.[1];
      if (clue)
        expect(Object.values(end.incidents).some((i) => i.clues.some((c) => c.text === clue && c.at >= m.at))).toBe(
          true,
        );
    }
  });

  it('marks the framing of every retro, each item filed and each item closed with what it did', () => {
    const framed = Object.values(end.retros).filter((r) => r.framing !== null);
    expect(say('retro').filter((t) => / was framed /.test(t))).toHaveLength(framed.length);
    expect(say('retro').filter((t) => / was published/.test(t))).toHaveLength(
      Object.values(end.retros).filter((r) => r.phase === 'published').length,
    );
    expect(say('item').filter((t) => t.startsWith('Filed: '))).toHaveLength(Object.keys(end.actionItems).length);
    const closed = Object.values(end.actionItems).filter((a) => a.status === 'closed');
    const closedMarks = say('item').filter((t) => t.startsWith('Closed: '));
    expect(closedMarks).toHaveLength(closed.length);
    for (const a of closed) {
      const cond = a.conditionId ? end.conditions[a.conditionId] : undefined;
      const line = closedMarks.find((t) => t.startsWith(`Closed: “${a.title}”`));
      expect(line, a.title).toBeDefined();
      const change = cond?.weakened?.find((w) => w.id === a.id);
      if (cond && change && change.strengthAfter === 0 && cond.origin !== 'injected')
        expect(line).toContain(`the ${conditionWords(cond.kind)} is gone`);
    }
  });

  it('marks blame as blame, naming who was named', () => {
    const blamed = playRound(platform, { ...options, weeks: 1, policy: policies['always-blame']! });
    const d = new Debrief(logOf(platform, { ...options, weeks: 1 }, blamed, 'always-blame'));
    const endOfBlame = d.at(d.end).ours;
    const framedBlame = Object.values(endOfBlame.retros).filter((r) => r.framing === 'blame');
    expect(framedBlame.length).toBeGreaterThan(0);
    const marks = d.marks.filter((m) => m.kind === 'retro' && m.text.includes('framed as blame'));
    expect(marks).toHaveLength(framedBlame.length);
    for (const r of framedBlame)
      expect(marks.some((m) => m.text.includes(`${endOfBlame.engineers[r.blamed ?? '']?.name} was named`))).toBe(true);
  });
});

describe('the debrief at a chosen minute', () => {
  const debrief = new Debrief(log);
  // The first fire here from the facilitator's minute on (the facilitator's own may not burn here: a team that
  // removed or guarded that weakness first sees the trigger come and nothing burn).
  const fire = played.state.incidentOrder
    .map((id) => played.state.incidents[id])
    .find((i) => i && !i.prior && i.startedAt >= 2000);

  it('shows the map as it was on both sides, and what the responders knew by then', () => {
    expect(fire).toBeDefined();
    const minute = (fire?.startedAt ?? 0) + 30;
    const { ours, ghost } = debrief.at(minute);
    for (const [world, side] of [
      [ours, sideAt(ours)],
      [ghost, sideAt(ghost)],
    ] as const) {
      const burningThere = new Set(
        world.openIncidents
          .map((id) => world.incidents[id])
          .filter((i) => i && i.phase !== 'mitigated')
          .flatMap((i) => i?.affected ?? []),
      );
      expect(
        side.map
          .filter((p) => p.state === 'fire')
          .map((p) => p.id)
          .sort(),
      ).toEqual([...burningThere].sort());
      expect(side.fires.map((f) => f.incident).sort()).toEqual([...world.openIncidents].sort());
    }
    const here = sideAt(ours).fires.find((f) => f.incident === fire?.id);
    const then = ours.incidents[fire?.id ?? ''];
    expect(here?.trueClass).toBe(conditionWords(fire?.kind ?? ''));
    expect(here?.clues.map((c) => c.text)).toEqual(then?.clues.map((c) => c.text));
    expect(then?.clues.every((c) => c.at <= minute)).toBe(true);
    expect(here?.minutes).toBe(30);
  });
});
