import type { InputLog } from '../../sim';
import { type CheckAnswers, type CheckResult, checkAnswered, scoreCheck } from './check';
import {
  type Change,
  type Curve,
  changes,
  learningCurves,
  type PlayerCurve,
  playerCurves,
  type RoundLine,
  roundLines,
} from './curves';
import { INTERVALS, intervalOf } from './intervals';
import { MARK_WORDS, MARKS } from './marks';
import { type RoundEvidence, roundEvidenceFromLog } from './roundEvidence';
import { type SponsorSummary, sponsorSummary } from './summary';

/** One round of a session: what to call it, its input log, and the evidence read from it. */
export interface SessionRound {
  label: string;
  log: InputLog;
  evidence: RoundEvidence;
}

/** A table's session: its rounds in the order played, and the session check when it was taken. */
export interface Session {
  table: string;
  rounds: SessionRound[];
  check: CheckAnswers | null;
}

/** Everything a facilitator exports for a session; every number in it is read from the rounds' logs. */
export interface EvidenceFile {
  kind: 'firepants-evidence';
  version: 1;
  table: string;
  marks: { key: string; words: string }[];
  intervals: { key: string; from: string; to: string; words: string }[];
  rounds: (RoundEvidence & { label: string; log: InputLog })[];
  curves: Curve[];
  byRound: RoundLine[];
  changes: Change[];
  players: PlayerCurve[];
  check: { answers: CheckAnswers; result: CheckResult } | null;
  summary: SponsorSummary;
}

/** A log as the file keeps it: only what an input log is made of, in one order, whatever carried it here. */
function plainLog(log: InputLog): InputLog {
  return {
    logVersion: log.logVersion,
    scenario: log.scenario,
    seed: log.seed,
    weeks: log.weeks,
    ...(log.ownership ? { ownership: log.ownership } : {}),
    ...(log.player ? { player: log.player } : {}),
    entries: log.entries,
    until: log.until,
    ...(log.stateHash ? { stateHash: log.stateHash } : {}),
  };
}

export function evidenceFile(session: Session): EvidenceFile {
  const rounds = session.rounds.map((r) => r.evidence);
  const check = session.check && checkAnswered(session.check) ? session.check : null;
  return {
    kind: 'firepants-evidence',
    version: 1,
    table: session.table,
    marks: MARKS.map((key) => ({ key, words: MARK_WORDS[key] })),
    intervals: INTERVALS.map((i) => ({ ...i })),
    rounds: session.rounds.map((r) => ({ label: r.label, ...r.evidence, log: plainLog(r.log) })),
    curves: learningCurves(rounds),
    byRound: roundLines(rounds),
    changes: changes(learningCurves(rounds)),
    players: playerCurves(rounds),
    check: check ? { answers: check, result: scoreCheck(check) } : null,
    summary: sponsorSummary(session.table, rounds, check),
  };
}

export const evidenceJson = (session: Session) => `${JSON.stringify(evidenceFile(session), null, 2)}\n`;

/** A spreadsheet cell: quoted when it must be, and never read as a formula. */
function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let text = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CREDITED = ['acknowledged', 'rolesSet', 'firstStatus', 'firstUsefulClue', 'mitigated', 'retroHeld'] as const;

/** One row per incident, here and in the never-learning replay: its timestamps, its intervals and who decided. */
export function evidenceCsv(session: Session): string {
  const head = [
    'table',
    'round',
    'label',
    'scenario',
    'seed',
    'timeline',
    'incident',
    'service',
    'injected',
    'started',
    ...MARKS,
    ...INTERVALS.map((i) => `minutes_${i.key}`),
    ...CREDITED.map((m) => `by_${m}`),
  ];
  const rows = [head.join(',')];
  session.rounds.forEach((r, i) => {
    for (const [timeline, list] of [
      ['table', r.evidence.incidents],
      ['never-learning', r.evidence.replay],
    ] as const) {
      list.forEach((m, n) => {
        rows.push(
          [
            session.table,
            i + 1,
            r.label,
            r.evidence.scenario.id,
            r.evidence.seed,
            timeline,
            n + 1,
            m.service,
            m.injected,
            m.startedAt,
            ...MARKS.map((k) => m.at[k]),
            ...INTERVALS.map((iv) => intervalOf(m, iv.key)),
            ...CREDITED.map((k) => m.credit[k]),
          ]
            .map(cell)
            .join(','),
        );
      });
    }
  });
  return `${rows.join('\n')}\n`;
}

export type SessionRead = { ok: true; session: Session } | { ok: false; problem: string };

/** A session rebuilt from its rounds' logs alone: each round replayed, the evidence read again. */
export function sessionFromLogs(
  table: string,
  rounds: readonly { label: string; log: InputLog }[],
  check: CheckAnswers | null,
): SessionRead {
  const out: SessionRound[] = [];
  for (const [i, r] of rounds.entries()) {
    const read = roundEvidenceFromLog(r.log);
    if (!read.ok) return { ok: false, problem: `round ${i + 1} (${r.label}): ${read.problem}` };
    out.push({ label: r.label, log: r.log, evidence: read.evidence });
  }
  return { ok: true, session: { table, rounds: out, check } };
}
