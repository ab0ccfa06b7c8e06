import type { GameStore } from '../../app/store';
import { learningCurves } from '../../round/evidence/curves';
import { INTERVALS } from '../../round/evidence/intervals';
import { summaryMarkdown } from '../../round/evidence/summary';
import { curveChart } from '../kit/curveChart';
import { button, h } from '../kit/dom';
import { download } from '../kit/download';
import '../kit/campaign.css';

/** The sponsor's one page: what changed over the session, with the numbers, beside the never-learning organization. */
export function sponsorPage(store: GameStore): HTMLElement {
  const s = store.learning.summary();
  const rounds = store.learning.session().rounds.map((r) => r.evidence);
  const curves = learningCurves(rounds);
  const drawn = (['command', 'mitigate'] as const).map((key) => ({
    key,
    curve: curves.find((c) => c.key === key),
    words: INTERVALS.find((i) => i.key === key)?.words ?? key,
  }));
  return h(
    'dialog',
    {
      class: 'panel report sponsor',
      'aria-label': "The sponsor's summary",
      'data-testid': 'sponsor',
      'data-keep': 'sponsor',
    },
    h(
      'div',
      { class: 'actions report-actions no-print' },
      button(
        'Back to the report',
        'sponsor-back',
        () => {
          store.ui.sponsorOpen = false;
          store.refresh();
          document.querySelector<HTMLElement>('[data-key="sponsor"]')?.focus();
        },
        { class: 'primary' },
      ),
      button('Download (Markdown)', 'sponsor-md', () =>
        download(summaryMarkdown(s), 'firepants-summary.md', 'text/markdown'),
      ),
      button('Print', 'sponsor-print', () => window.print()),
    ),
    h('h1', {}, s.title),
    h('p', {}, s.scope),
    h(
      'div',
      { class: 'charts' },
      ...drawn.map((d) =>
        d.curve
          ? h(
              'figure',
              {},
              curveChart(d.curve, 320, 110, `Time ${d.words}, incident by incident`),
              h(
                'figcaption',
                {},
                `Time ${d.words}, incident by incident: here (solid orange) and never-learning (dashed grey)`,
              ),
            )
          : null,
      ),
    ),
    h('h2', {}, 'What changed'),
    h(
      'ul',
      { 'data-testid': 'sponsor-changes' },
      ...(s.changed.length > 0 ? s.changed : ['Too few incidents to compare.']).map((c) => h('li', {}, c)),
    ),
    s.check ? h('section', {}, h('h2', {}, 'What people know'), h('p', {}, s.check)) : null,
    h('p', { class: 'small' }, h('em', {}, s.caveat)),
  );
}
