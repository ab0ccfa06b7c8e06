import type { EvidenceFile } from '../../round/evidence/export';
import { INTERVALS } from '../../round/evidence/intervals';
import { curveChart } from '../kit/curveChart';
import { h } from '../kit/dom';

/**
 * The compare page's learning evidence: per table, its sponsor's summary and two of its learning curves beside
 * the never-learning organization's — each file checked against its own logs before it is shown.
 */
export function compareEvidence(files: readonly EvidenceFile[]): HTMLElement | null {
  if (files.length === 0) return null;
  return h(
    'section',
    { class: 'evidence', 'data-testid': 'compare-evidence' },
    h('h2', {}, 'What each table learned'),
    h(
      'p',
      { class: 'small' },
      'From the session files tables exported from their reports; each was replayed from its own logs and came out the same.',
    ),
    ...files.map((f) =>
      h(
        'article',
        { class: 'evidence-table', 'data-testid': 'evidence-table' },
        h('h3', {}, f.table),
        h('p', { class: 'small' }, f.summary.scope),
        h(
          'div',
          { class: 'charts' },
          ...(['command', 'mitigate'] as const).map((key) => {
            const curve = f.curves.find((c) => c.key === key);
            const words = INTERVALS.find((i) => i.key === key)?.words ?? key;
            return curve
              ? h(
                  'figure',
                  {},
                  curveChart(curve, 260, 90, `${f.table}: time ${words}, incident by incident`),
                  h('figcaption', {}, `Time ${words}: here (solid orange), never-learning (dashed grey)`),
                )
              : null;
          }),
        ),
        h('ul', { class: 'small' }, ...f.summary.changed.slice(0, 4).map((c) => h('li', {}, c))),
        f.summary.check ? h('p', { class: 'small' }, f.summary.check) : null,
      ),
    ),
  );
}
