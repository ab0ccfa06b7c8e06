import { defaultServer } from '../../app/remoteTable';
import type { GameStore } from '../../app/store';
import { sitAtTable } from '../../app/tableScreen';
import { SEAT_ROLES, SEAT_TITLES, type SeatRole } from '../../round/seats';
import { button, h, render } from '../kit/dom';

/** What the seat list says: a spectator only watches. */
const seatLabel = (role: SeatRole) => (role === 'spectator' ? 'Watch only' : SEAT_TITLES[role]);

/**
 * The form a table sees when it opens a room server's link (`?table=CODE`, or `?table=` for a new
 * table): a name, a seat, and the code to read aloud to the others.
 */
export function renderTableJoin(el: HTMLElement, store: GameStore, code: string, problem: string | null = null): void {
  const value = (id: string) =>
    (el.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const join = async () => {
    const seat = { player: value('table-name').trim() || 'Player', role: value('table-seat') as SeatRole };
    const table = value('table-code') || code;
    const demo = (el.querySelector('#table-demo') as HTMLInputElement | null)?.checked === true;
    render(
      el,
      h(
        'dialog',
        { class: 'panel', 'data-keep': 'table-join', 'aria-label': 'Joining the table' },
        h('p', { role: 'status' }, 'Joining the table…'),
      ),
    );
    const why = await sitAtTable(store, defaultServer(), table, seat, { demo });
    if (why) renderTableJoin(el, store, code, why);
  };
  render(
    el,
    h(
      'dialog',
      { class: 'panel', 'data-keep': 'table-join', 'aria-labelledby': 'table-join-title', 'data-testid': 'table-join' },
      h('h2', { id: 'table-join-title' }, code ? `Join table ${code}` : 'Open a new table'),
      h('p', {}, 'Each of you on your own device: the server plays the round, and every screen shows the same world.'),
      h('label', { for: 'table-name' }, 'Your name'),
      h('input', { id: 'table-name', 'data-keep': 'table-name', maxlength: 40, autocomplete: 'nickname' }),
      h('label', { for: 'table-seat' }, 'Your seat'),
      h(
        'select',
        { id: 'table-seat', 'data-keep': 'table-seat' },
        ...SEAT_ROLES.map((role) => h('option', { value: role }, seatLabel(role))),
      ),
      h('label', { for: 'table-code' }, 'Table code (empty: a new table)'),
      h('input', { id: 'table-code', 'data-keep': 'table-code', value: code, maxlength: 64 }),
      code
        ? null
        : h(
            'label',
            { class: 'small' },
            h('input', { type: 'checkbox', id: 'table-demo', 'data-keep': 'table-demo' }),
            ' A demo table: a bot plays the round and the audience decides how its retros are framed',
          ),
      problem ? h('p', { role: 'alert', class: 'problem' }, problem) : null,
      h(
        'div',
        { class: 'actions' },
        button('Sit at the table', 'join-table', () => void join(), { class: 'primary' }),
      ),
    ),
  );
}
