import type { DebriefView, GameStore } from '../../app/store';
import type { DebriefMark } from '../../round/debrief';
import { formatClock, type Snapshot, scoreCard } from '../../sim';
import { button, h } from '../kit/dom';

const KIND_WORDS: Record<DebriefMark['kind'], string> = {
  incident: 'fire',
  prevented: 'did not happen',
  item: 'item closed',
  decision: 'decision',
};

/** What to talk about at a moment, by what happened there. */
const PROMPTS: Record<DebriefMark['kind'], string> = {
  incident: 'At this minute, what did the person paged know? What would have made the next step obvious to them?',
  prevented:
    'This fire did not happen here. Which item made the difference, who chose it, and what did it cost the team?',
  item: 'What made this item worth its hours over the others on the list?',
  decision: 'What made this decision make sense at the time, with what was known then?',
};

const PHASE_WORDS: Record<string, string> = {
  undetected: 'not yet noticed',
  detected: 'noticed, nobody paged yet',
  paged: 'paged, not answered',
  acknowledged: 'answered',
  investigating: 'being diagnosed',
  mitigated: 'mitigated, watching',
};

/** One side at the chosen minute: score, fires so far, what burns now, customers' minutes lost. */
function side(title: string, s: Snapshot, testId: string): HTMLElement {
  const started = s.incidentOrder.filter((id) => !s.incidents[id]?.prior).length;
  const burning = s.openIncidents
    .map((id) => s.incidents[id])
    .map(
      (inc) => `${s.services[inc?.affected[0] ?? '']?.name ?? '?'} (${PHASE_WORDS[inc?.phase ?? ''] ?? inc?.phase})`,
    );
  const closed = Object.values(s.actionItems).filter((i) => i.status === 'closed').length;
  return h(
    'section',
    { class: 'column', 'data-testid': testId },
    h('h2', {}, title),
    h('div', { class: 'big' }, `Score ${Math.round(scoreCard(s).score)}`),
    h(
      'ul',
      { class: 'small' },
      h('li', {}, `${started} incident${started === 1 ? '' : 's'} so far`),
      h('li', {}, burning.length ? `Burning now: ${burning.join(', ')}` : 'Nothing burning now'),
      h('li', {}, `${Math.round(s.totals.customerMinutes)} customer-minutes lost so far`),
      h('li', {}, `${closed} action item${closed === 1 ? '' : 's'} closed`),
    ),
  );
}

function nearestMark(d: DebriefView): DebriefMark | null {
  let best: DebriefMark | null = null;
  for (const m of d.marks) if (m.at <= d.minute) best = m;
  return best;
}

/** The debrief: scrub through the round and see both timelines at any minute, with the moments that mattered. */
export function debriefBody(d: DebriefView, store: GameStore): HTMLElement[] {
  const here = nearestMark(d);
  const next = d.marks.find((m) => m.at > d.minute);
  const previous = [...d.marks].reverse().find((m) => m.at < d.minute);
  const slider = h('input', {
    type: 'range',
    id: 'debrief-minute',
    min: '0',
    max: String(d.end),
    step: '10',
    value: String(d.minute),
    'aria-valuetext': formatClock(d.minute),
    'data-testid': 'debrief-minute',
    oninput: (e: Event) => store.debrief.scrubTo(Number((e.target as HTMLInputElement).value)),
  });
  return [
    h(
      'div',
      { class: 'actions report-actions no-print' },
      button('Back to the report', 'report', () => store.debrief.close(), { class: 'primary' }),
      button('◀ Previous moment', 'previous', () => previous && store.debrief.scrubTo(previous.at), {
        disabled: !previous,
      }),
      button('Next moment ▶', 'next', () => next && store.debrief.scrubTo(next.at), {
        disabled: !next,
      }),
    ),
    h('h1', {}, 'Debrief'),
    h(
      'p',
      {},
      'Scrub through the round: on the left your organization, on the right the never-learning one on the same luck. Stop at the moments that mattered and talk them through.',
    ),
    h(
      'div',
      { class: 'debrief-scrub' },
      h('label', { for: 'debrief-minute' }, 'Minute of the round'),
      slider,
      h('output', { for: 'debrief-minute', 'data-testid': 'debrief-clock' }, formatClock(d.minute)),
    ),
    h(
      'div',
      { class: 'two-columns' },
      side('Your organization', d.ours, 'debrief-ours'),
      side('Never-learning replay', d.ghost, 'debrief-ghost'),
    ),
    h(
      'section',
      { class: 'debrief-talk' },
      h('h2', {}, 'Talk about it'),
      h(
        'ul',
        {},
        h('li', {}, here ? `${formatClock(here.at)} — ${here.text}. ${PROMPTS[here.kind]}` : PROMPTS.decision),
        h('li', {}, 'Where did the two timelines part ways, and why?'),
      ),
    ),
    h(
      'section',
      { class: 'debrief-marks' },
      h('h2', {}, 'Moments'),
      d.marks.length === 0
        ? h('p', {}, 'Nothing marked: no fires and no decisions.')
        : h(
            'ol',
            {},
            ...d.marks.slice(0, 60).map((m, i) =>
              h(
                'li',
                { class: m === here ? 'current' : '' },
                button(`${formatClock(m.at)} · ${KIND_WORDS[m.kind]} · ${m.text}`, `mark-${i}`, () =>
                  store.debrief.scrubTo(m.at),
                ),
              ),
            ),
          ),
    ),
  ];
}
