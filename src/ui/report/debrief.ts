import type { DebriefView, GameStore } from '../../app/store';
import { plural } from '../../content/words';
import type { DebriefMark } from '../../round/debrief';
import { type FireAtMinute, MITIGATED, type SideAtMinute, sideAt } from '../../round/debriefMoment';
import { formatClock, type Snapshot } from '../../sim';
import { button, h, minutesText } from '../kit/dom';
import { debriefMap } from './debriefMap';

const KIND_WORDS: Record<DebriefMark['kind'], string> = {
  incident: 'fire',
  prevented: 'did not happen',
  decision: 'decision',
  retro: 'retro',
  item: 'item',
};

/** What to talk about at a moment, by what happened there. */
const PROMPTS: Record<DebriefMark['kind'], string> = {
  incident: 'At this minute, what did the person paged know? What would have made the next step obvious to them?',
  prevented:
    'This fire did not happen here. Which item made the difference, who chose it, and what did it cost the team?',
  decision: 'What made this decision make sense at the time, with what was known then?',
  retro: 'What did this retro make it safe to say, and what did it leave unsaid?',
  item: 'What made this item worth its hours over the others on the list?',
};

/** One open incident at the chosen minute: where, how bad, its true class, and what the responders knew by then. */
function fireView(f: FireAtMinute): HTMLElement {
  return h(
    'li',
    { 'data-testid': 'debrief-fire' },
    h(
      'strong',
      {},
      `${f.service}${f.reached.length ? ` (and ${f.reached.join(', ')})` : ''}: SEV${f.sev}, ${f.phase}, ${minutesText(f.minutes)}`,
    ),
    h('div', { class: 'small' }, `It was truly a ${f.trueClass} (the class is revealed in the debrief).`),
    h(
      'div',
      { class: 'small', 'data-testid': 'debrief-knew' },
      f.clues.length
        ? `What the responders knew: ${f.clues.map((c) => `${c.by}, ${c.step.toLowerCase()}: “${c.text}”`).join('; ')}.`
        : 'What the responders knew: no clues yet.',
      f.clues.length ? ` Still possible: ${f.stillPossible.join(', ')}.` : '',
      f.tried.length ? ` Tried: ${f.tried.join(', ')}.` : '',
    ),
  );
}

/** What burns at the chosen minute, as the map shows it, and what is recovering. */
function burningNow(at: SideAtMinute): string {
  const fires = at.fires.filter((f) => f.phase !== MITIGATED);
  const watched = at.fires.filter((f) => f.phase === MITIGATED);
  const burning = fires.length
    ? `Burning now: ${fires.map((f) => `${f.service} (${f.phase})`).join(', ')}`
    : 'Nothing burning now';
  return watched.length ? `${burning}; recovering: ${watched.map((f) => f.service).join(', ')}` : burning;
}

/** One side at the chosen minute: score, fires so far, the map as it was, and each open incident. */
function side(title: string, s: Snapshot, testId: string): HTMLElement {
  const at = sideAt(s);
  return h(
    'section',
    { class: 'column', 'data-testid': testId },
    h('h2', {}, title),
    h('div', { class: 'big' }, `Score ${Math.round(at.score)}`),
    h(
      'ul',
      { class: 'small' },
      h('li', {}, `${plural(at.incidentsSoFar, 'incident')} so far`),
      h('li', {}, burningNow(at)),
      h('li', {}, `${Math.round(at.customerMinutes)} customer-minutes lost so far`),
      h('li', {}, `${plural(at.itemsClosed, 'action item')} closed`),
    ),
    debriefMap(at.map, `${title}: the map at this minute`),
    at.fires.length ? h('ul', { class: 'debrief-fires' }, ...at.fires.map(fireView)) : null,
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
            ...d.marks.map((m, i) =>
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
