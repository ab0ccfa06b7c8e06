import { plural } from '../../content/words';
import type { ResultsExport } from '../../round/results';
import { marginOf, rankResults } from '../../round/resultsFile';
import { leadText, pointsText } from '../../sim';
import { h } from '../kit/dom';
import { pairedBars } from '../kit/tableBars';

const decisionsTotal = (r: ResultsExport) => Object.values(r.decisions).reduce((s, n) => s + (n ?? 0), 0);
const setupOf = (r: ResultsExport) => `${r.scenario.name}, seed ${r.seed}, ${plural(r.weeks, 'week')}`;

/** The ranked table: best first by score minus par, then by silent successes. */
export function rankedTable(list: readonly ResultsExport[]): HTMLElement {
  const ranked = rankResults(list);
  const anyPar = ranked.some((r) => r.par !== null);
  return h(
    'table',
    { class: 'ranked', 'data-testid': 'ranked' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          '#',
          'Table',
          'Setup',
          'Score',
          'Par',
          'Score − par',
          'Silent successes',
          'Incidents',
          'Replay incidents',
          'Decisions',
        ].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...ranked.map((r, i) =>
        h(
          'tr',
          { 'data-testid': 'ranked-row' },
          h('td', {}, `${i + 1}`),
          h('th', { scope: 'row' }, r.table),
          h('td', { class: 'setup-cell' }, setupOf(r)),
          // One decimal, as the report, the console and the projector show them: two tables a few tenths apart are not
          // shown as tied.
          h('td', {}, pointsText(r.score)),
          h('td', {}, r.par === null ? '–' : pointsText(r.par)),
          h('td', { class: 'margin' }, anyPar ? leadText(marginOf(r)) : '–'),
          h('td', {}, `${r.silentSuccesses}`),
          h('td', {}, `${r.incidents}`),
          h('td', {}, `${r.replayIncidents}`),
          h(
            'td',
            {
              title: Object.entries(r.decisions)
                .map(([k, n]) => `${k} ${n}`)
                .join(', '),
            },
            `${decisionsTotal(r)}`,
          ),
        ),
      ),
    ),
  );
}

/** Until the game computes a par, the ranking is by score alone: say so under the table. */
export function parNote(list: readonly ResultsExport[]): HTMLElement | null {
  if (list.some((r) => r.par !== null)) return null;
  return h(
    'p',
    { class: 'note' },
    'These results carry no par yet, so they are ranked by score, then silent successes.',
  );
}

/** When the tables did not play the same setup, the ranking compares different luck: say so. */
export function setupWarning(list: readonly ResultsExport[]): HTMLElement | null {
  const setups = [...new Set(list.map(setupOf))];
  if (setups.length <= 1) return null;
  return h(
    'p',
    { class: 'warning', role: 'note', 'data-testid': 'mixed-setups' },
    `These results come from ${setups.length} different setups (${setups.join('; ')}): only tables with the same scenario, seed and length faced the same luck.`,
  );
}

export function compareCharts(list: readonly ResultsExport[]): HTMLElement {
  const ranked = rankResults(list);
  const width = Math.min(460, 120 + ranked.length * 85);
  return h(
    'div',
    { class: 'compare-charts' },
    h(
      'figure',
      { 'data-testid': 'chart-score' },
      pairedBars(
        ranked.map((r) => ({ label: r.table, first: r.score, second: r.par })),
        {
          title: 'Score vs par per table',
          first: { name: 'score', color: '#ffb13b' },
          second: { name: 'par (never-learning team)', color: '#8b98ad' },
        },
        width,
        220,
      ),
    ),
    h(
      'figure',
      { 'data-testid': 'chart-incidents' },
      pairedBars(
        ranked.map((r) => ({ label: r.table, first: r.incidents, second: r.replayIncidents })),
        {
          title: 'Incidents vs the never-learning replay',
          first: { name: 'incidents here', color: '#ff5a1f' },
          second: { name: 'replay incidents', color: '#8b98ad' },
        },
        width,
        220,
      ),
    ),
  );
}
