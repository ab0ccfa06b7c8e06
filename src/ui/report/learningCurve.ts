import type { GameStore } from '../../app/store';
import { SESSION_CHECK } from '../../content/campaign';
import { changes, learningCurves, playerCurves, stretchOf } from '../../round/evidence/curves';
import { INTERVALS, type IntervalKey } from '../../round/evidence/intervals';
import { checkForm } from '../kit/checkForm';
import { curveChart } from '../kit/curveChart';
import { button, h, minutesText } from '../kit/dom';
import { download } from '../kit/download';
import '../kit/campaign.css';

/** The intervals the report draws (the rest are in the exports). */
const DRAWN: IntervalKey[] = ['answer', 'command', 'tell', 'clue', 'mitigate', 'review'];

const fileStem = (table: string) =>
  `firepants-evidence-${
    table
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'table'
  }`;

/** A stretch in a few words: "3 min" (median), "never" when it did not happen. */
const said = (values: (number | null)[]) => {
  const s = stretchOf(values);
  return s.median === null ? 'never' : minutesText(s.median);
};

/**
 * The report's learning curve: how each behavioural interval changed across the session's incidents (this round
 * and the earlier ones), beside the never-learning organization's; per player what they were credited with; the
 * exports and the session check after the last round.
 */
export function learningCurve(store: GameStore): HTMLElement | null {
  const session = store.learning.session();
  if (session.rounds.length === 0) return null;
  const rounds = session.rounds.map((r) => r.evidence);
  const curves = learningCurves(rounds);
  const here = rounds.reduce((n, r) => n + r.incidents.length, 0);
  const there = rounds.reduce((n, r) => n + r.replay.length, 0);
  const players = playerCurves(rounds);
  const after = session.check.after;
  const table = store.view.settings.tableName.trim() || 'Table';
  return h(
    'section',
    { class: 'learning-curve', 'data-testid': 'learning-curve', 'aria-label': 'Learning curve' },
    h('h2', {}, 'Learning curve: this session'),
    h(
      'p',
      { class: 'small' },
      `${session.rounds.length} round${session.rounds.length === 1 ? '' : 's'}, ${here} incident${here === 1 ? '' : 's'} here and ${there} for the never-learning organization on the same luck. Each point is an incident in the order it came: solid orange here, dashed grey the never-learning organization; a hollow mark along the top: it never happened.`,
    ),
    h(
      'div',
      { class: 'curves' },
      ...DRAWN.map((key) => {
        const curve = curves.find((c) => c.key === key);
        const def = INTERVALS.find((i) => i.key === key);
        if (!curve || !def) return null;
        const words = `Time ${def.words}`;
        return h(
          'figure',
          { 'data-testid': `curve-${key}` },
          curveChart(curve, 230, 84, `${words}, incident by incident: here and for the never-learning organization`),
          h(
            'figcaption',
            {},
            `${words}: ${said(curve.table.map((p) => p.minutes))} here (median), ${said(curve.replay.map((p) => p.minutes))} never-learning`,
          ),
        );
      }),
    ),
    changes(curves).length > 0
      ? h(
          'details',
          { 'data-keep': 'what-changed' },
          h('summary', {}, 'What changed, in numbers'),
          h('ul', { class: 'small' }, ...store.learning.summary().changed.map((c) => h('li', {}, c))),
        )
      : null,
    players.length > 0
      ? h(
          'details',
          { 'data-keep': 'by-player', 'data-testid': 'by-player' },
          h('summary', {}, 'By player: the decisions the log credits to each'),
          h(
            'ul',
            { class: 'small' },
            ...players.map((p) =>
              h(
                'li',
                {},
                h('strong', {}, p.player),
                ': ',
                p.curves
                  .map((c) => {
                    const def = INTERVALS.find((i) => i.key === c.key);
                    return `${def?.words ?? c.key} ${c.points.length}× (median ${said(c.points.map((x) => x.minutes))})`;
                  })
                  .join('; '),
              ),
            ),
          ),
        )
      : null,
    h(
      'details',
      { class: 'session-check', 'data-keep': 'session-check-after' },
      h('summary', {}, `After the last round: the session check again (optional, ${SESSION_CHECK.length} questions)`),
      checkForm(
        'session-after',
        SESSION_CHECK,
        after,
        after.every((a) => a !== null),
        (q, o) => {
          const next = [...after];
          next[q] = o;
          store.learning.setCheck({ ...session.check, after: next });
          store.refresh();
        },
      ),
    ),
    h(
      'div',
      { class: 'actions no-print' },
      button('Export the session (CSV)', 'evidence-csv', () =>
        download(store.learning.csv(), `${fileStem(table)}.csv`, 'text/csv'),
      ),
      button('Export the session (JSON)', 'evidence-json', () =>
        download(store.learning.json(), `${fileStem(table)}.json`, 'application/json'),
      ),
      button("The sponsor's summary", 'sponsor', () => {
        store.ui.sponsorOpen = true;
        store.refresh();
        document.querySelector<HTMLElement>('[data-key="sponsor-back"]')?.focus();
      }),
      button('Start a new session', 'new-session', () => {
        store.learning.newSession();
        store.refresh();
      }),
    ),
  );
}
