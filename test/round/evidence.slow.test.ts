import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../src/content/scenarios';
import { evidenceCsv, evidenceJson, sessionFromLogs } from '../../src/round/evidence/export';
import { intervalOf } from '../../src/round/evidence/intervals';
import { MARKS } from '../../src/round/evidence/marks';
import { readEvidenceFile } from '../../src/round/evidence/readEvidence';
import { roundEvidence, roundEvidenceFromLog } from '../../src/round/evidence/roundEvidence';
import { RoundSession } from '../../src/round/roundSession';
import { parseLogText, policies } from '../../src/sim';
import { CONDITION_KINDS } from '../../src/sim/model/types';
import { playAtOneScreen, scenarioOf } from './tablePlay';

const seats = [
  { player: 'Ana', role: 'commander' },
  { player: 'Ben', role: 'ops' },
  { player: 'Cy', role: 'comms' },
] as const;

const platform = scenarioOf(builtInScenarios.platform);
const learner = policies['learning-first'];
if (!learner) throw new Error('no learning-first bot');

describe('the evidence of a round, read from its world and its input log', () => {
  const session = playAtOneScreen(platform, { seed: 7, weeks: 1, seats: [...seats], guided: true }, learner);
  const live = roundEvidence(session.snapshot(), session.entries, session.ghost.world());

  it('times each incident in the order a response moves, and never before it started', () => {
    expect(live.incidents.length).toBeGreaterThan(0);
    for (const m of live.incidents) {
      const { detected, acknowledged, mitigated, retroHeld, itemClosed } = m.at;
      if (detected !== null) expect(detected).toBeGreaterThanOrEqual(m.startedAt);
      if (acknowledged !== null && detected !== null) expect(acknowledged).toBeGreaterThanOrEqual(detected);
      if (mitigated !== null && acknowledged !== null) expect(mitigated).toBeGreaterThanOrEqual(acknowledged);
      if (retroHeld !== null && mitigated !== null) expect(retroHeld).toBeGreaterThanOrEqual(mitigated);
      if (itemClosed !== null) expect(itemClosed).toBeGreaterThanOrEqual(retroHeld ?? 0);
    }
  });

  it('takes each mark from what the world recorded', () => {
    const world = session.snapshot();
    for (const m of live.incidents) {
      const inc = world.incidents[m.id];
      expect(m.at.detected).toBe(inc?.detectedAt);
      expect(m.at.acknowledged).toBe(inc?.ackAt);
      expect(m.at.mitigated).toBe(inc?.mitigatedAt);
      const useful = world.log
        .flat()
        .find((e) => e.type === 'clue-found' && e.incident === m.id && e.classes < CONDITION_KINDS.length);
      expect(m.at.firstUsefulClue).toBe(useful?.at ?? null);
    }
  });

  it('credits each decision to the player in the role it belongs to', () => {
    const credited = live.incidents.flatMap((m) => Object.entries(m.credit));
    expect(credited.length).toBeGreaterThan(0);
    for (const [mark, player] of credited) {
      if (mark === 'rolesSet') expect(player).toBe('Ana');
      if (mark === 'firstStatus') expect(player).toBe('Cy');
      if (mark === 'mitigated' || mark === 'firstUsefulClue') expect(player).toBe('Ben');
    }
    expect(live.incidents.some((m) => m.credit.firstStatus === 'Cy')).toBe(true);
  });

  it('shows the never-learning organization naming no commander and holding no retro', () => {
    expect(live.replay.length).toBeGreaterThan(0);
    for (const m of live.replay) {
      expect(m.at.rolesSet).toBeNull();
      expect(m.at.retroHeld).toBeNull();
      expect(intervalOf(m, 'command')).toBeNull();
    }
  });

  it('keeps who decided on a room screen too: a replica of the table’s log credits the same players', () => {
    const screen = RoundSession.replica(session.log());
    screen.ghost.follow(screen.snapshot());
    expect(screen.log().entries).toEqual(session.entries);
    expect(roundEvidence(screen.snapshot(), screen.entries, screen.ghost.world())).toEqual(live);
  });

  it('reads the same evidence again from the log alone, after a trip through a file', () => {
    const read = parseLogText(JSON.stringify(session.log()));
    if (!read.ok) throw new Error(read.problem);
    const again = roundEvidenceFromLog(read.log);
    if (!again.ok) throw new Error(again.problem);
    expect(again.evidence).toEqual(live);
  });

  it('exports the same JSON and CSV from the live round and from a replay of its log', () => {
    const log = session.log();
    const fromLive = { table: 'Table 3', rounds: [{ label: 'Round 1', log, evidence: live }], check: null };
    const read = parseLogText(JSON.stringify(log));
    if (!read.ok) throw new Error(read.problem);
    const replayed = sessionFromLogs('Table 3', [{ label: 'Round 1', log: read.log }], null);
    if (!replayed.ok) throw new Error(replayed.problem);
    expect(evidenceJson(replayed.session)).toBe(evidenceJson(fromLive));
    expect(evidenceCsv(replayed.session)).toBe(evidenceCsv(fromLive));
    const csv = evidenceCsv(fromLive).trim().split('\n');
    expect(csv[0]?.split(',')).toEqual(expect.arrayContaining([...MARKS, 'by_firstStatus']));
    expect(csv.length).toBe(1 + live.incidents.length + live.replay.length);
  });
});

describe('the evidence export', () => {
  it('keeps a player name from being read as a formula in a spreadsheet', () => {
    const session = playAtOneScreen(
      platform,
      { seed: 3, weeks: 1, seats: [{ player: '=HYPERLINK("x")', role: 'comms' }] },
      learner,
    );
    const log = session.log();
    const evidence = roundEvidence(session.snapshot(), session.entries, session.ghost.world());
    const csv = evidenceCsv({ table: '+table', rounds: [{ label: 'r', log, evidence }], check: null });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+table");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('names the round whose log is refused', () => {
    const session = playAtOneScreen(platform, { seed: 3, weeks: 1, seats: [], until: 2000 }, learner);
    const log = { ...session.log(), seed: session.log().seed + 1 };
    const read = sessionFromLogs('t', [{ label: 'Level 1', log }], null);
    if (read.ok) {
      // A different seed may still accept every command; then the evidence differs from the round's own.
      expect(read.session.rounds[0]?.evidence.stateHash).not.toBe(session.log().stateHash);
    } else expect(read.problem).toMatch(/^round 1 \(Level 1\): entries\[\d+\]/);
  });
});

describe('a session file read back (the compare page)', () => {
  const session = playAtOneScreen(platform, { seed: 5, weeks: 1, seats: [...seats] }, learner);
  const log = session.log();
  const evidence = roundEvidence(session.snapshot(), session.entries, session.ghost.world());
  const text = evidenceJson({
    table: 'Table 1',
    rounds: [{ label: 'Round 1', log, evidence }],
    check: { before: [1, 0, 0, 1, 1, 0, 0, 1], after: [1, 1, 0, 1, 1, 0, 0, 1] },
  });

  it('is shown only once its numbers follow again from its own logs', () => {
    const read = readEvidenceFile('t1.json', text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.table).toBe('Table 1');
    expect(read.file.check?.result.after.right).toBeGreaterThan(read.file.check?.result.before.right ?? 9);
  });

  it('refuses a file whose numbers were edited, or whose log does not replay', () => {
    const edited = text.replace(/"mitigated": (\d+)/, (_, m) => `"mitigated": ${Number(m) - 1}`);
    expect(edited).not.toBe(text);
    const read = readEvidenceFile('t1.json', edited);
    expect(read.ok ? '' : read.problem).toBe(
      't1.json: its numbers do not follow from its logs (edited, or made by another version)',
    );
    const broken = JSON.parse(text);
    broken.rounds[0].log.entries[0].at = -5;
    const bad = readEvidenceFile('t1.json', JSON.stringify(broken));
    expect(bad.ok ? '' : bad.problem).toMatch(/^t1\.json: round 1: entries\[0\]\.at must be a whole minute/);
    expect(readEvidenceFile('x.json', '{"kind":"firepants-results"}').ok).toBe(false);
    expect(readEvidenceFile('x.json', 'not json').ok).toBe(false);
  });
});
