import type { GameStore, StoreView } from '../../app/store';
import { storyMarkdown, tellStory } from '../../round/story';
import { learningEvidence, type RoundOutcome, roundOutcome, scoreCard } from '../../sim';
import { silentLine } from '../floor/hud';
import { learningVsNines, weeklyBars } from '../kit/chart';
import { button, h, minutesText, render } from '../kit/dom';
import { reflectionForm } from '../kit/reflectionForm';
import { debriefBody } from './debrief';
import { resultsExport } from './resultsExport';

/** The end of the round: the story, both columns, the charts, and a Markdown download. */
export function renderReport(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  if (view.debrief) {
    render(
      el,
      h(
        'dialog',
        { class: 'panel report debrief', 'aria-label': 'Debrief', 'data-testid': 'debrief', 'data-keep': 'report' },
        ...debriefBody(view.debrief, store),
      ),
    );
    return;
  }
  const story = tellStory(s, view.silent, store.replayIncidentStarts(), view.ghost?.par ?? 0);
  const card = scoreCard(s);
  const download = () => {
    const blob = new Blob([storyMarkdown(s, story)], { type: 'text/markdown' });
    const a = h('a', {
      href: URL.createObjectURL(blob),
      download: `firepants-${s.scenarioId}-seed${s.seed}.md`,
    }) as HTMLAnchorElement;
    document.body.append(a);
    a.click();
    a.remove();
  };
  render(
    el,
    h(
      'dialog',
      { class: 'panel report', 'aria-label': 'End of round report', 'data-testid': 'report', 'data-keep': 'report' },
      outcomeBanner(
        roundOutcome(s, card.score, view.ghost?.par ?? 0, learningEvidence(s, view.silent ?? { prevented: [] })),
      ),
      h(
        'div',
        { class: 'actions report-actions no-print' },
        button('Download the story (Markdown)', 'download', download, { class: 'primary' }),
        debriefButton(store),
        button('Print', 'print', () => window.print()),
        resultsExport(view, store),
        button('Play again', 'again', () => store.flow.send({ type: 'NEW_GAME' })),
        button('Menu', 'menu', () => store.backToMenu()),
      ),
      h('h1', { 'data-testid': 'headline' }, story.headline),
      ...story.paragraphs.map((p) => h('p', {}, p)),
      reflectionForm('after'),
      h(
        'div',
        { class: 'two-columns' },
        h(
          'section',
          { class: 'column dashboard' },
          h('h2', {}, 'What the dashboard says', h('span', { class: 'tag' }, 'not scored')),
          h('div', { class: 'big' }, `${card.dashboard.nines.toFixed(2)} nines`),
          h(
            'p',
            { class: 'small' },
            `median resolve ${card.dashboard.medianResolve === null ? '–' : minutesText(card.dashboard.medianResolve)}, p90 ${card.dashboard.p90Resolve === null ? '–' : minutesText(card.dashboard.p90Resolve)} — averages of skewed durations mislead; severity and duration are unrelated.`,
          ),
        ),
        h(
          'section',
          { class: 'column matters' },
          h('h2', {}, 'What actually matters'),
          h(
            'div',
            { class: 'big', 'data-testid': 'report-score' },
            `Score ${Math.round(card.score)}`,
            h('span', { class: 'par' }, ` par ${Math.round(view.ghost?.par ?? 0)}`),
          ),
          h(
            'p',
            { class: 'small' },
            `learning ${card.learning.points.toFixed(0)} · sustainability ${card.sustainability.points.toFixed(0)} · customers and business ${card.customers.points.toFixed(0)}`,
          ),
          h(
            'div',
            { class: 'silent', 'data-testid': 'report-silent' },
            `${silentLine(view.silent)} · ${Math.round(view.silent?.customerMinutesSaved ?? 0)} customer-minutes saved`,
          ),
        ),
      ),
      h(
        'div',
        { class: 'charts' },
        h(
          'figure',
          {},
          learningVsNines(view.history, 380, 120),
          h('figcaption', {}, 'Learning (solid orange) vs nines (dashed grey) over the round'),
        ),
        h(
          'figure',
          { 'data-testid': 'weekly-chart' },
          weeklyBars(story.incidentsByWeek, story.replayByWeek, 380, 120),
          h(
            'figcaption',
            {},
            'Incidents per week: here (solid orange) vs the never-learning replay (hollow, dashed grey)',
          ),
        ),
      ),
      h(
        'div',
        { class: 'story-lists' },
        h(
          'section',
          {},
          h('h3', {}, 'What was learned'),
          h(
            'ul',
            {},
            ...(story.learned.length ? story.learned.slice(0, 5) : ['No retro was published.']).map((t) =>
              h('li', {}, t),
            ),
          ),
        ),
        h(
          'section',
          {},
          h('h3', {}, 'What changed'),
          h(
            'ul',
            {},
            ...(story.changed.length ? story.changed.slice(0, 5) : ['No action item was closed.']).map((t) =>
              h('li', {}, t),
            ),
          ),
        ),
        h(
          'section',
          {},
          h('h3', {}, 'What did not return'),
          h(
            'ul',
            {},
            ...(story.didNotReturn.length
              ? story.didNotReturn.slice(0, 5)
              : ['Nothing attributed to a closed item yet.']
            ).map((t) => h('li', {}, t)),
          ),
        ),
      ),
    ),
  );
}

const OUTCOME_WORDS: Record<RoundOutcome['outcome'], string> = {
  won: 'Won',
  survived: 'Survived',
  lost: 'Lost',
};

/** How the round ended, first of all: lost and why, won, or merely survived. */
function outcomeBanner(o: RoundOutcome): HTMLElement {
  return h(
    'div',
    { class: `outcome ${o.outcome}`, 'data-testid': 'outcome', 'data-outcome': o.outcome },
    h('strong', {}, `${OUTCOME_WORDS[o.outcome]}. `),
    o.reason,
  );
}

/** Opens the debrief; a round without a full log says why instead. */
function debriefButton(store: GameStore): HTMLElement {
  const why = store.debrief.unavailable();
  return button('Debrief: scrub through the round', 'debrief', () => store.debrief.open(), {
    disabled: why !== null,
    title: why ? `No debrief: ${why}` : undefined,
  });
}
