import { loadProgress } from '../../app/campaignKeep';
import type { GameStore } from '../../app/store';
import type { RoundChoice } from '../../app/viewState';
import { LEVEL_ORDER, type LevelId, SESSION_CHECK } from '../../content/campaign';
import { LEVEL_SEED, level } from '../../round/campaign/levels';
import { levelsMet } from '../../round/campaign/progress';
import { checkForm } from '../kit/checkForm';
import { button, h, render } from '../kit/dom';
import { introCard } from './introCard';
import '../kit/campaign.css';

/** How a level went here so far, in a word or two. */
function mark(id: LevelId, progress: ReturnType<typeof loadProgress>): string {
  const rec = progress.levels[id];
  if (!rec) return '';
  return rec.goalMet ? '✓ goal met' : `played ${rec.plays}×`;
}

/**
 * The campaign in the menu: the eight levels with how each went, the chosen level's intro card, the optional
 * session check before the first round, and the way on to the staffing screen.
 */
export function renderCampaign(
  el: HTMLElement,
  store: GameStore,
  onContinue: (choice: RoundChoice) => void,
  backToMenu: () => void,
): void {
  const ui = store.ui;
  const id = ui.campaignLevel ?? LEVEL_ORDER[0];
  const chosen = level(id);
  const progress = loadProgress();
  const session = store.learning.session();
  const redraw = () => renderCampaign(el, store, onContinue, backToMenu);
  const before = session.rounds.length === 0;
  render(
    el,
    h(
      'div',
      { class: 'panel menu campaign', role: 'dialog', 'aria-label': 'The campaign' },
      h(
        'header',
        { class: 'campaign-head' },
        h('h1', {}, 'The campaign'),
        h(
          'p',
          { class: 'small' },
          `Eight one-week levels, eight real outages. ${levelsMet(progress)} of ${LEVEL_ORDER.length} goals met so far.`,
        ),
      ),
      h(
        'div',
        { class: 'campaign-body' },
        h(
          'ol',
          { class: 'levels' },
          ...LEVEL_ORDER.map((lid) => {
            const l = level(lid);
            return h(
              'li',
              {},
              button(
                l.scenario.name,
                `level-${lid}`,
                () => {
                  ui.campaignLevel = lid;
                  redraw();
                },
                { 'aria-pressed': lid === id ? 'true' : 'false', class: lid === id ? 'chosen' : undefined },
              ),
              h('span', { class: 'small' }, l.story.incident),
              h('span', { class: 'level-mark' }, mark(lid, progress)),
            );
          }),
        ),
        introCard(chosen, LEVEL_ORDER.length),
      ),
      before
        ? h(
            'details',
            { class: 'session-check', 'data-keep': 'session-check-before' },
            h('summary', {}, `Before the first round: the session check (optional, ${SESSION_CHECK.length} questions)`),
            h(
              'p',
              { class: 'small' },
              'Answered now and again after the last round, it shows the facilitator what changed. Nothing is scored here.',
            ),
            checkForm('session-before', SESSION_CHECK, session.check.before, false, (q, o) => {
              const next = [...session.check.before];
              next[q] = o;
              store.learning.setCheck({ ...session.check, before: next });
            }),
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        button(
          'Staff the rotation →',
          'start-level',
          () =>
            onContinue({ scenario: chosen.scenario, seed: LEVEL_SEED, weeks: chosen.scenario.weeks, guided: false }),
          { class: 'primary' },
        ),
        button('Back to the menu', 'menu', () => {
          ui.campaignLevel = null;
          backToMenu();
          el.querySelector<HTMLElement>('button, select, input')?.focus();
        }),
      ),
    ),
  );
  // Opened from the menu, the focus goes to the chosen level (the button pressed is gone).
  if (!el.contains(document.activeElement)) el.querySelector<HTMLElement>(`[data-key="level-${id}"]`)?.focus();
}
