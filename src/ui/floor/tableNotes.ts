import type { GameStore, StoreView } from '../../app/store';
import { showTableCode } from '../../protocol/tableCode';
import { h, render } from '../kit/dom';
import { seatStrip } from './seatStrip';

function remaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * What is in front of the table: who holds which role, a phase timer counting down, and, once the
 * facilitator reveals it, the hidden state (the weaknesses the organization has not found).
 */
export function renderTableNotes(el: HTMLElement, view: StoreView, store: GameStore, now: number = Date.now()): void {
  const s = view.snapshot;
  const timer = view.tableTimer;
  const seated = view.settings.seats.length > 0;
  const showing = !!s && (timer !== null || view.revealed || view.table !== null || seated);
  el.hidden = !showing;
  if (!showing || !s) {
    render(el);
    return;
  }
  const hidden = Object.values(s.conditions)
    .filter((c) => c.strength > 0 && c.origin !== 'injected')
    .sort((a, b) => b.strength - a.strength)
    .slice(0, 8);
  render(
    el,
    view.table ? h('p', { 'data-testid': 'table-code' }, 'Table ', h('strong', {}, showTableCode(view.table))) : null,
    // At a room table the line's news (the server restarting, a refusal) shows here whatever panel is open.
    view.table && view.message
      ? h('p', { class: 'table-notice', role: 'status', 'data-testid': 'table-notice' }, view.message)
      : null,
    seatStrip(store),
    timer
      ? h(
          'p',
          { class: 'table-timer', 'data-testid': 'table-timer' },
          `${timer.label || 'Timer'}: `,
          h('strong', {}, timer.endsAt > now ? `${remaining(timer.endsAt - now)} left` : 'time is up'),
        )
      : null,
    view.revealed
      ? h(
          'section',
          { class: 'revealed', 'data-testid': 'revealed' },
          h('h2', {}, 'Revealed by the facilitator: what was hidden'),
          h(
            'ul',
            {},
            ...hidden.map((c) =>
              h(
                'li',
                {},
                `${s.services[c.service]?.name ?? c.service}: ${c.kind} ${Math.round(c.strength * 100)}%${c.revealed ? ' · known' : ' · not yet found'}`,
              ),
            ),
          ),
          moreHidden(s, hidden.length),
        )
      : null,
  );
}

/** "and 9 more": the weaknesses past the strongest shown, so a reveal never passes for the whole list. */
function moreHidden(s: NonNullable<StoreView['snapshot']>, shown: number): HTMLElement | null {
  const all = Object.values(s.conditions).filter((c) => c.strength > 0 && c.origin !== 'injected').length;
  return all > shown ? h('p', { 'data-testid': 'revealed-more' }, `and ${all - shown} more`) : null;
}
