import { SESSION_CHECK } from '../../content/campaign';

/**
 * The session check: the same items before the first round and after the last, one for each of the
 * campaign's objectives. Answers are the chosen option of each item, or null when left out.
 */
export interface CheckAnswers {
  before: (number | null)[];
  after: (number | null)[];
}

export const emptyCheck = (): CheckAnswers => ({
  before: SESSION_CHECK.map(() => null),
  after: SESSION_CHECK.map(() => null),
});

function tidy(raw: unknown): (number | null)[] {
  const list = Array.isArray(raw) ? raw : [];
  return SESSION_CHECK.map((item, i) => {
    const v = list[i];
    return Number.isInteger(v) && v >= 0 && v < item.options.length ? (v as number) : null;
  });
}

/** Reads stored or imported answers; anything malformed becomes "left out". Never throws. */
export function parseCheck(raw: unknown): CheckAnswers {
  const r = raw && typeof raw === 'object' ? (raw as Partial<CheckAnswers>) : {};
  return { before: tidy(r.before), after: tidy(r.after) };
}

export interface CheckTally {
  answered: number;
  right: number;
}

export interface CheckResult {
  items: number;
  before: CheckTally;
  after: CheckTally;
  /** Per item: right, wrong, or null when left out — before and after. */
  byItem: { level: string; before: boolean | null; after: boolean | null }[];
}

const tally = (answers: (number | null)[]): CheckTally => ({
  answered: answers.filter((a) => a !== null).length,
  right: answers.filter((a, i) => a !== null && a === SESSION_CHECK[i]?.answer).length,
});

export function scoreCheck(answers: CheckAnswers): CheckResult {
  const judged = (a: number | null | undefined, i: number) =>
    a === null || a === undefined ? null : a === SESSION_CHECK[i]?.answer;
  return {
    items: SESSION_CHECK.length,
    before: tally(answers.before),
    after: tally(answers.after),
    byItem: SESSION_CHECK.map((item, i) => ({
      level: item.level,
      before: judged(answers.before[i], i),
      after: judged(answers.after[i], i),
    })),
  };
}

/** Whether anything was answered at all. */
export const checkAnswered = (a: CheckAnswers) => [...a.before, ...a.after].some((x) => x !== null);
