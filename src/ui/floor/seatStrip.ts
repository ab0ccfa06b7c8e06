import type { GameStore } from '../../app/store';
import { ROLE_TITLES, rotateSeats } from '../../round/seats';
import { button, h } from '../kit/dom';

/** Who holds which role right now, and a button to move everyone one role on. */
export function seatStrip(store: GameStore): HTMLElement | null {
  const seats = store.view.settings.seats;
  if (seats.length === 0) return null;
  return h(
    'p',
    { class: 'seat-strip', 'data-testid': 'seat-strip' },
    seats.map((s) => `${s.player}: ${ROLE_TITLES[s.role]}`).join(' · '),
    ' ',
    button('Swap roles', 'seat-swap', () => store.setSettings({ seats: rotateSeats(seats) }), {
      title: 'Everyone moves one role on: commander → ops → comms → commander',
    }),
  );
}
