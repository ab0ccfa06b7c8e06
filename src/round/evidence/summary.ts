import { SESSION_CHECK } from '../../content/campaign';
import { type CheckAnswers, checkAnswered, scoreCheck } from './check';
import { type Change, changes, learningCurves, type Stretch } from './curves';
import { INTERVALS } from './intervals';
import type { RoundEvidence } from './roundEvidence';

/** The sponsor's one page: what changed over the session, with the numbers, beside the never-learning organization. */
export interface SponsorSummary {
  title: string;
  /** What the session was: rounds and incidents, here and in the replay. */
  scope: string;
  /** One sentence per behaviour that could be compared (at least two incidents). */
  changed: string[];
  /** The session check, before and after, when it was taken. */
  check: string | null;
  /** What the numbers can and cannot say. */
  caveat: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const minutes = (m: number) => (m >= 120 ? `${Math.round(m / 6) / 10} h` : `${Math.round(m)} min`);

/** One stretch in words: its median where the behaviour happened, and in how many incidents. */
function stretchWords(s: Stretch): string {
  if (s.incidents === 0) return 'no incidents';
  if (s.happened === 0) return `never (0 of ${s.incidents})`;
  return `${minutes(s.median ?? 0)} (median; in ${s.happened} of ${s.incidents})`;
}

function changeSentence(c: Change): string | null {
  if (c.early.incidents === 0 || c.late.incidents === 0) return null;
  const words = INTERVALS.find((i) => i.key === c.key)?.words ?? c.key;
  const replay =
    c.replayEarly.incidents + c.replayLate.incidents === 0
      ? 'the never-learning organization had no incidents'
      : `the never-learning organization on the same luck: ${stretchWords(c.replayEarly)} → ${stretchWords(c.replayLate)}`;
  return `Time ${words}: ${stretchWords(c.early)} over the first ${plural(c.early.incidents, 'incident')} → ${stretchWords(c.late)} over the last ${plural(c.late.incidents, 'incident')}; ${replay}.`;
}

/** The sponsor's summary of a session, from its rounds' evidence and the session check. */
export function sponsorSummary(
  table: string,
  rounds: readonly RoundEvidence[],
  check: CheckAnswers | null,
): SponsorSummary {
  const here = rounds.reduce((n, r) => n + r.incidents.length, 0);
  const there = rounds.reduce((n, r) => n + r.replay.length, 0);
  const scores = check && checkAnswered(check) ? scoreCheck(check) : null;
  return {
    title: `What changed at ${table}`,
    scope: `${plural(rounds.length, 'round')}, ${plural(here, 'incident')} here; ${plural(there, 'incident')} for the never-learning organization on the same luck and outside fires.`,
    changed: changes(learningCurves(rounds))
      .map(changeSentence)
      .filter((s): s is string => s !== null),
    check: scores
      ? `Session check (${SESSION_CHECK.length} items): ${scores.before.right} right of ${scores.before.answered} answered before, ${scores.after.right} right of ${scores.after.answered} answered after.`
      : null,
    caveat:
      here < 6
        ? `Only ${plural(here, 'incident')}: a few minutes either way can be luck. Compare with the never-learning organization, which faced the same luck.`
        : 'Medians over the first and the second half of the session’s incidents; the never-learning organization faced the same luck and outside fires.',
  };
}

/** The summary as Markdown, for a page to print or mail. */
export function summaryMarkdown(s: SponsorSummary): string {
  return [
    `# ${s.title}`,
    '',
    s.scope,
    '',
    '## What changed',
    '',
    ...(s.changed.length > 0 ? s.changed.map((c) => `- ${c}`) : ['- Too few incidents to compare.']),
    '',
    ...(s.check ? ['## What people know', '', s.check, ''] : []),
    `_${s.caveat}_`,
    '',
  ].join('\n');
}
