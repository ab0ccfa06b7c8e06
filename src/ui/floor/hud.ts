import type { GameStore, StoreView } from '../../app/store';
import { ghostStrip } from '../../round/ghostStrip';
import { silentLine, silentTone } from '../../round/silentLine';
import { announcedPeak, formatClock, peakNotice, type Snapshot, scoreCard, trustPercent } from '../../sim';
import { learningVsNines } from '../kit/chart';
import { button, h, minutesText, render } from '../kit/dom';
import { openHelp } from '../kit/help';
import { askToEndRound } from './endRound';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The other timeline, live: what burns where right now, and the last fire there that did not happen here. */
function ghostStripView(view: StoreView): HTMLElement | null {
  const s = view.snapshot;
  if (!s) return null;
  const strip = ghostStrip(s, view.ghost?.world ?? null, view.silent);
  return h(
    'div',
    {
      class: 'ghost-strip',
      'data-testid': 'ghost-strip',
      'aria-label': 'The other timeline',
      // The minute of the two worlds it was drawn from, so a reader can tell a drawing from a later world.
      'data-minute': s.now,
      'data-there-minute': view.ghost?.world.now ?? '',
    },
    h('span', { class: 'ghost-tag' }, 'Other timeline'),
    h('span', { class: 'ghost-fires', 'data-testid': 'ghost-fires' }, ` ${strip.fires}`),
    strip.saved ? h('span', { class: 'ghost-saved', 'data-testid': 'ghost-saved' }, ` ${strip.saved}`) : null,
  );
}

/** The next announced peak, so the players prepare: "Black Friday sale in 3 days: load ×1.8 on Checkout". */
function peakLine(s: Snapshot): HTMLElement | null {
  const peak = announcedPeak(s);
  return peak
    ? h('div', { class: 'peak', 'data-testid': 'peak', role: 'note' }, `⚠ ${peakNotice(s, peak, s.now)}`)
    : null;
}

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
  const par = view.ghost?.par ?? 0;
  const diff = card.score - par;
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
      peakLine(s),
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
          class: 'small resolve-times',
          title: 'Durations are skewed and unrelated to severity: a median hides the long tail [VOID].',
        },
        `resolve: median ${card.dashboard.medianResolve === null ? '–' : minutesText(card.dashboard.medianResolve)} · p90 ${card.dashboard.p90Resolve === null ? '–' : minutesText(card.dashboard.p90Resolve)} (misleading)`,
      ),
    ),
    h(
      'section',
      { class: 'column matters', 'aria-label': 'What actually matters' },
      h(
        'h2',
        {},
        'What actually matters',
        // How close the round is to being lost on customers' trust (it is lost below 25%).
        h(
          'span',
          {
            class: `trust${s.customerTrust < 0.4 ? ' low' : ''}`,
            'data-testid': 'trust',
            title: 'Customers’ trust: the round is lost if it falls below 25%',
          },
          ` · trust ${trustPercent(s.customerTrust)}`,
        ),
      ),
      h(
        'div',
        { class: 'big', 'data-testid': 'score' },
        `Score ${Math.round(card.score)}`,
        h(
          'span',
          {
            class: 'par',
            'data-testid': 'par',
            title: 'Par: what the never-learning organization scores on the same luck',
          },
          ` par ${Math.round(par)} (${diff >= 0 ? '+' : '−'}${Math.abs(Math.round(diff))})`,
        ),
      ),
      h(
        'div',
        { class: 'small' },
        `learning ${Math.round(card.learning.points)} · sustainability ${Math.round(card.sustainability.points)}${
          card.sustainability.worstTeam
            ? ` (${s.teams[card.sustainability.worstTeam]?.name ?? ''} toil ${Math.round((s.teams[card.sustainability.worstTeam]?.toilShare ?? 0) * 100)}%)`
            : ''
        } · customers ${Math.round(card.customers.points)}`,
      ),
      h('div', { class: `silent tone-${silentTone(silent)}`, 'data-testid': 'silent' }, silentLine(silent)),
    ),
    h(
      'div',
      { class: 'hud-chart', title: 'Learning (solid orange) vs nines (dashed grey), per day' },
      learningVsNines(view.history, 150, 54),
    ),
    ghostStripView(view),
  );
}
