import type { GameStore } from '../../app/store';
import { LEVEL_ORDER } from '../../content/campaign';
import { level } from '../../round/campaign/levels';
import { checkForm } from '../kit/checkForm';
import { button, h } from '../kit/dom';
import '../kit/campaign.css';

/** On a level's report: its goal as judged from the round, its three questions, and the way on. */
export function levelEnd(store: GameStore): HTMLElement | null {
  const judged = store.learning.verdict();
  if (!judged) return null;
  const l = level(judged.id);
  const { verdict } = judged;
  const ui = store.ui;
  const right = l.check.filter((q, i) => ui.levelAnswers[i] === q.answer).length;
  const next = LEVEL_ORDER[LEVEL_ORDER.indexOf(l.id) + 1];
  const toCampaign = (id: typeof l.id) => {
    ui.campaignLevel = id;
    store.backToMenu();
  };
  return h(
    'section',
    { class: 'level-end', 'data-testid': 'level-end', 'data-met': verdict.met ? 'yes' : 'no' },
    h(
      'h2',
      { class: verdict.met ? 'met' : 'missed' },
      `Level ${l.number}: ${verdict.met ? 'goal met' : 'goal not met yet'}`,
    ),
    h(
      'ul',
      { class: 'parts' },
      ...verdict.parts.map((p) => h('li', {}, `${p.met ? '✓' : '✗'} ${p.asks} — ${p.seen}.`)),
    ),
    h('h3', {}, 'Three questions'),
    checkForm('level', l.check, ui.levelAnswers, ui.levelChecked, (q, o) => {
      ui.levelAnswers = ui.levelAnswers.map((a, i) => (i === q ? o : a));
      store.refresh();
    }),
    h(
      'div',
      { class: 'actions' },
      ui.levelChecked
        ? h('span', { 'data-testid': 'level-check-score' }, `${right} of ${l.check.length} right.`)
        : button('Check my answers', 'level-check', () => {
            ui.levelChecked = true;
            store.learning.levelChecked(l.id, right);
            store.refresh();
          }),
      next ? button(`Next: level ${l.number + 1} →`, 'next-level', () => toCampaign(next), { class: 'primary' }) : null,
      button('Play this level again', 'level-again', () => toCampaign(l.id)),
    ),
  );
}
