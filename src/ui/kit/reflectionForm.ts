import {
  AGREEMENT,
  emptyReflection,
  loadReflection,
  REFLECTION_QUESTIONS,
  type Reflection,
  saveReflection,
} from '../../round/reflection';
import { h } from './dom';

/** A fresh reflection for a new round (the previous round's answers went out with its results). */
export function startReflection(): void {
  saveReflection(emptyReflection());
}

/**
 * The three statements as radio groups, before the round (on the staffing screen) or after it (on the
 * report, each with what the table said before). Optional: nothing needs answering.
 */
export function reflectionForm(when: keyof Reflection): HTMLElement {
  const r = loadReflection();
  const title =
    when === 'before'
      ? 'Before you play: three quick statements (optional)'
      : 'After the round: the same three statements again (optional)';
  return h(
    'details',
    { class: 'reflection', 'data-testid': `reflection-${when}`, 'data-keep': `reflection-${when}` },
    h('summary', {}, title),
    ...REFLECTION_QUESTIONS.map((q, i) =>
      h(
        'fieldset',
        {},
        h('legend', {}, q),
        ...AGREEMENT.map((word, a) =>
          h(
            'label',
            { class: 'agree' },
            h('input', {
              type: 'radio',
              name: `reflect-${when}-${i}`,
              value: String(a + 1),
              checked: r[when][i] === a + 1,
              onchange: () => {
                const now = loadReflection();
                now[when][i] = a + 1;
                saveReflection(now);
              },
            }),
            ` ${word}`,
          ),
        ),
        when === 'after' && r.before[i]
          ? h('p', { class: 'small' }, `Before the round the table said: ${AGREEMENT[(r.before[i] ?? 1) - 1]}`)
          : null,
      ),
    ),
  );
}
