import { AGREEMENT, REFLECTION_QUESTIONS } from '../../round/reflection';
import type { ResultsExport } from '../../round/results';
import { ROLE_TITLES } from '../../round/seats';
import { h } from '../kit/dom';

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const word = (m: number | null) => (m === null ? '–' : `${m.toFixed(1)} (${AGREEMENT[Math.round(m) - 1]})`);

/** What the tables said before and after the round, averaged over the tables that answered each statement. */
export function compareReflection(list: readonly ResultsExport[]): HTMLElement | null {
  const answered = list.filter((r) => r.reflection);
  if (answered.length === 0) return null;
  return h(
    'section',
    { 'data-testid': 'compare-reflection' },
    h('h2', {}, `What changed: ${answered.length} table${answered.length === 1 ? '' : 's'} answered`),
    h(
      'table',
      { class: 'compare' },
      h('thead', {}, h('tr', {}, ...['Statement', 'Before', 'After'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...REFLECTION_QUESTIONS.map((q, i) => {
          const at = (when: 'before' | 'after') =>
            mean(answered.map((r) => r.reflection?.[when][i]).filter((a): a is number => typeof a === 'number'));
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, q),
            h('td', {}, word(at('before'))),
            h('td', {}, word(at('after'))),
          );
        }),
      ),
    ),
    h('p', { class: 'small' }, '1 = disagree … 5 = agree.'),
  );
}

/** Who decided what at each table that named its players. */
export function compareRoles(list: readonly ResultsExport[]): HTMLElement | null {
  const seated = list.filter((r) => r.byRole && r.byRole.length > 0);
  if (seated.length === 0) return null;
  return h(
    'section',
    { 'data-testid': 'compare-roles' },
    h('h2', {}, 'Decisions by role'),
    h(
      'ul',
      {},
      ...seated.map((r) =>
        h(
          'li',
          {},
          h('strong', {}, r.table),
          ': ',
          (r.byRole ?? []).map((t) => `${t.player} as ${ROLE_TITLES[t.role]} ${t.decisions}`).join(' · '),
        ),
      ),
    ),
  );
}
