import { h } from '../kit/dom';
import { qrCode } from '../kit/qrCode';
import type { ConsoleState } from './roomsConsoleView';
import { venueBase } from './tableSetUp';

/** The projector's link: this server's own address, with the key that opens it. */
export function projectorLink(state: ConsoleState): string | null {
  return state.venue ? `${window.location.origin}/projector.html#${state.venue.projectorKey}` : null;
}

/** Where the venue reaches the game: the server's address, its QR code, the vote's address and the projector. */
export function venueCard(state: ConsoleState): HTMLElement {
  const base = venueBase(state);
  const others = (state.venue?.addresses ?? []).slice(1);
  const projector = projectorLink(state);
  return h(
    'section',
    { class: 'card venue', 'data-testid': 'rooms-venue' },
    qrCode(`${base}/`, 148, `QR code of ${base}/`),
    h(
      'div',
      {},
      h('h2', {}, 'Everyone opens the game at'),
      h('p', { class: 'big', 'data-testid': 'venue-address' }, `${base}/`),
      others.length > 0 ? h('p', { class: 'small' }, `Also reachable at ${others.join(', ')}`) : null,
      h('p', { class: 'small' }, `Phones vote at ${base}/vote`),
      projector
        ? h(
            'p',
            {},
            h(
              'a',
              { href: projector, target: '_blank', rel: 'noopener', 'data-testid': 'projector-link' },
              'Open the projector view',
            ),
            ' on the screen the room sees: the address, the phase timer, the vote and the ranking, with no controls.',
          )
        : null,
    ),
  );
}
