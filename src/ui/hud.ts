import type { GameStore, StoreView } from '../app/store';
import { formatClock, scoreCard } from '../sim';
import { learningVsNines } from './chart';
import { button, h, minutesText, render } from './dom';
import { askToEndRound } from './endRound';

export function openHelp(): void {
  const dialog = document.getElementById('help') as HTMLDialogElement | null;
  if (dialog && !dialog.open) dialog.showModal();
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The top bar: clock and speed, and the two columns side by side. */
export function renderHud(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const card = scoreCard(s);
  const playing = view.phase === 'playing';
  const speeds = ([1, 2, 4, 8] as const).map((sp) =>
    button(`${sp}×`, `speed-${sp}`, () => store.setSettings({ speed: sp }), {
      'aria-pressed': view.settings.speed === sp ? 'true' : 'false',
      class: 'speed',
    }),
  );
  const silent = view.silent;
  render(
    el,
    h(
      'div',
      { class: 'hud-time' },
      h('div', { class: 'clock', 'data-testid': 'clock' }, formatClock(s.now)),
      h(
        'div',
        { class: 'controls' },
        button(playing ? '❚❚ Pause' : '▶ Play', 'play', () => store.togglePause(), {
          'aria-label': playing ? 'Pause (Space)' : 'Play (Space)',
          disabled: view.phase !== 'playing' && view.phase !== 'paused',
        }),
        ...speeds,
        button('?', 'help', () => openHelp(), { 'aria-label': 'How to play (H)', title: 'How to play (H)' }),
        button('Menu', 'end-round', () => askToEndRound(store), {
          'aria-label': 'End round: back to the menu',
          title: 'End this round and go back to the menu (it stays saved)',
        }),
      ),
      h(
        'div',
        { class: 'toggles' },
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            'data-key': 'autopause',
            checked: view.settings.autoPause,
            onchange: (e: Event) => store.setSettings({ autoPause: (e.target as HTMLInputElement).checked }),
          }),
          ' auto-pause on page',
        ),
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            'data-key': 'sound',
            checked: view.settings.sound,
            onchange: (e: Event) => store.setSettings({ sound: (e.target as HTMLInputElement).checked }),
          }),
          ' sound',
        ),
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            'data-key': 'large-print',
            checked: view.settings.largePrint,
            onchange: (e: Event) => store.setSettings({ largePrint: (e.target as HTMLInputElement).checked }),
          }),
          ' large print',
        ),
      ),
    ),
    h(
      'section',
      { class: 'column dashboard', 'aria-label': 'What the dashboard says' },
      h('h2', {}, 'What the dashboard says', h('span', { class: 'tag' }, 'not scored')),
      h('div', { class: 'big', 'data-testid': 'nines' }, `${card.dashboard.nines.toFixed(2)} nines`),
      h('div', { class: 'small' }, `availability ${pct(card.dashboard.availability)}`),
      h(
        'div',
        {
          class: 'small',
          title: 'Durations are skewed and unrelated to severity: a median hides the long tail [VOID].',
        },
        `resolve: median ${card.dashboard.medianResolve === null ? '–' : minutesText(card.dashboard.medianResolve)} · p90 ${card.dashboard.p90Resolve === null ? '–' : minutesText(card.dashboard.p90Resolve)} (misleading)`,
      ),
    ),
    h(
      'section',
      { class: 'column matters', 'aria-label': 'What actually matters' },
      h('h2', {}, 'What actually matters'),
      h('div', { class: 'big', 'data-testid': 'score' }, `Score ${Math.round(card.score)}`),
      h(
        'div',
        { class: 'small' },
        `learning ${Math.round(card.learning.points)} · sustainability ${Math.round(card.sustainability.points)} · customers ${Math.round(card.customers.points)}`,
      ),
      h(
        'div',
        { class: 'silent', 'data-testid': 'silent' },
        `${silent?.prevented.length ?? 0} incidents didn't happen`,
      ),
    ),
    h(
      'div',
      { class: 'hud-chart', title: 'Learning (orange) vs nines (grey), per day' },
      learningVsNines(view.history, 150, 54),
    ),
  );
}
