import type { GameStore } from '../../app/store';
import { MAX_PLAYERS, ROLE_TITLES, type RoleSeat, tidySeats } from '../../round/seats';
import { ROLES, type Role } from '../../sim';
import { button, h } from '../kit/dom';

/** Rows being typed (kept in the view state): a blank name stays while the form is open, and is dropped when stored. */
function store_(store: GameStore): void {
  store.setSettings({ seats: tidySeats(store.ui.seatRows ?? []) });
}

/**
 * Who sits at the table and which incident role each takes (optional). Decisions are then credited to
 * the player holding the role: the timeline, the retro and the debrief say who decided what.
 */
export function seatsForm(store: GameStore, redraw: () => void): HTMLElement {
  store.ui.seatRows ??= store.view.settings.seats.map((s: RoleSeat) => ({ ...s }));
  const list = store.ui.seatRows;
  const row = (seat: { player: string; role: Role }, i: number) =>
    h(
      'div',
      { class: 'seat-row' },
      h('input', {
        type: 'text',
        maxlength: '40',
        value: seat.player,
        placeholder: `Player ${i + 1}`,
        'aria-label': `Player ${i + 1} name`,
        'data-key': `seat-name-${i}`,
        onchange: (e: Event) => {
          seat.player = (e.target as HTMLInputElement).value;
          store_(store);
        },
      }),
      h(
        'select',
        {
          'aria-label': `Player ${i + 1} role`,
          'data-key': `seat-role-${i}`,
          onchange: (e: Event) => {
            seat.role = (e.target as HTMLSelectElement).value as Role;
            store_(store);
          },
        },
        ...ROLES.map((r) => h('option', { value: r, selected: seat.role === r }, ROLE_TITLES[r])),
      ),
      button('Remove', `seat-remove-${i}`, () => {
        list.splice(i, 1);
        store_(store);
        redraw();
      }),
    );
  return h(
    'fieldset',
    { class: 'seats', 'data-testid': 'seats' },
    h('legend', {}, 'Players at this table (optional)'),
    h(
      'p',
      { class: 'small' },
      'Name who takes each incident role: the commander decides people and escalation, ops investigates and fixes, comms talks to customers. Each decision is credited to the player holding its role in the retro and the debrief. Swap roles during the round from the table strip.',
    ),
    ...list.map(row),
    list.length < MAX_PLAYERS
      ? button('Add a player', 'seat-add', () => {
          list.push({ player: '', role: ROLES[list.length % ROLES.length] as Role });
          redraw();
        })
      : null,
  );
}

/** The form starts from the stored players again next time it is opened. */
export function closeSeatsForm(store: GameStore): void {
  store.ui.seatRows = null;
}
