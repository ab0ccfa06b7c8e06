import type { CheckQuestion } from '../../content/campaign';
import { h } from '../kit/dom';

/**
 * A few questions with one right answer each, as radio groups. Once `reveal` is on, each question says whether
 * it was answered right, and why; until then nothing gives the answers away.
 */
export function checkForm(
  key: string,
  questions: readonly CheckQuestion[],
  answers: readonly (number | null)[],
  reveal: boolean,
  answer: (question: number, option: number) => void,
): HTMLElement {
  return h(
    'ol',
    { class: 'check-form', 'data-testid': `check-${key}` },
    ...questions.map((q, i) => {
      const chosen = answers[i] ?? null;
      const right = chosen === q.answer;
      return h(
        'li',
        { class: reveal && chosen !== null ? (right ? 'right' : 'wrong') : '' },
        h(
          'fieldset',
          {},
          h('legend', {}, q.question),
          ...q.options.map((option, o) =>
            h(
              'label',
              { class: 'option' },
              h('input', {
                type: 'radio',
                name: `${key}-${i}`,
                value: o,
                checked: chosen === o,
                disabled: reveal,
                onchange: () => answer(i, o),
              }),
              ` ${option}`,
            ),
          ),
          reveal
            ? h(
                'p',
                { class: 'why' },
                chosen === null ? 'Not answered. ' : right ? 'Right. ' : `Not quite: “${q.options[q.answer]}”. `,
                q.why,
              )
            : null,
        ),
      );
    }),
  );
}
