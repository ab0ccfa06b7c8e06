import type { GameStore, StoreView } from '../../app/store';
import { investmentTerms, investmentTitle, offersFor } from '../../sim';
import { button, h, render } from '../kit/dom';
import { firstControl, keepModal } from '../kit/modal';

/**
 * Between weeks: the round pauses and the week's three offers are shown with what each gives and costs.
 * One can be taken; Escape or "Let the week pass" plays on with none. A dialog like the retro's: the
 * floor behind is inert, the focus starts on the first offer and goes back where it was.
 */
export function renderWeekChoice(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  const week = view.weekChoice;
  if (!s || week === null || view.phase !== 'paused') {
    if (el.childElementCount > 0) {
      render(el);
      if (store.ui.weekChoiceOpener?.isConnected) store.ui.weekChoiceOpener.focus();
      store.ui.weekChoiceOpener = null;
    }
    return;
  }
  const fresh = el.childElementCount === 0;
  if (fresh) store.ui.weekChoiceOpener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const offers = offersFor(s, week).map((o, i) => {
    const terms = investmentTerms(s, o);
    return h(
      'li',
      {},
      button(
        investmentTitle(s, o),
        `offer-${i}`,
        () => {
          store.chooseInvestment(i);
        },
        { class: 'offer', 'data-testid': `offer-${i}`, 'data-kind': o.kind, 'aria-describedby': `offer-${i}-terms` },
      ),
      h(
        'p',
        { id: `offer-${i}-terms`, class: 'offer-terms' },
        h('span', { class: 'gives' }, `Gives: ${terms.gives}.`),
        ' ',
        h('span', { class: 'costs' }, `Costs: ${terms.costs}.`),
      ),
    );
  });
  render(
    el,
    h(
      'dialog',
      {
        class: 'panel week-choice',
        'aria-labelledby': 'week-choice-title',
        'data-testid': 'week-choice',
        'data-keep': 'week-choice',
      },
      h('h2', { id: 'week-choice-title' }, `Week ${week}: one investment`),
      h(
        'p',
        {},
        'A new week begins. You can afford one of these — the others are gone. Hours come out of the team’s time before feature work.',
      ),
      h('ol', { class: 'offers' }, offers),
      view.message ? h('div', { class: 'message', role: 'alert' }, view.message) : null,
      button('Let the week pass', 'week-pass', () => store.closeWeekChoice(), { 'data-testid': 'week-pass' }),
    ),
  );
  keepModal(el, () => store.closeWeekChoice());
  if (fresh || !el.contains(document.activeElement)) firstControl(el)?.focus();
}
