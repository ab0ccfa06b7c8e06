import { defaultServer } from '../../app/remoteTable';
import type { GameStore } from '../../app/store';
import { sitAtTable } from '../../app/tableScreen';
import { readTableCode, showTableCode } from '../../protocol/tableCode';
import { SEAT_ROLES, SEAT_TITLES, type SeatRole } from '../../round/seats';
import { button, h, render } from '../kit/dom';

/** What the seat list says: a spectator only watches. */
const seatLabel = (role: SeatRole) => (role === 'spectator' ? 'Watch only' : SEAT_TITLES[role]);

/**
 * The form a screen sees when it opens a room server's link (`?table=CODE`, or `?table=` to type the code):
 * a name, a seat, and the table's code as the facilitator gave it. A mistyped code is caught here.
 */
export function renderTableJoin(el: HTMLElement, store: GameStore, code: string, problem: string | null = null): void {
  const value = (id: string) =>
    (el.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const join = async () => {
    const seat = { player: value('table-name').trim() || 'Player', role: value('table-seat') as SeatRole };
    const typed = value('table-code') || code;
    const read = readTableCode(typed);
    if (!read.ok) return renderTableJoin(el, store, typed, `That table code: ${read.problem}.`);
    render(
      el,
      h(
        'dialog',
        { class: 'panel', 'data-keep': 'table-join', 'aria-label': 'Joining the table' },
        h('p', { role: 'status' }, 'Joining the table…'),
      ),
    );
    const why = await sitAtTable(store, defaultServer(), read.code, seat);
    if (why) renderTableJoin(el, store, typed, why);
  };
  const known = readTableCode(code);
  render(
    el,
    h(
      'dialog',
      { class: 'panel', 'data-keep': 'table-join', 'aria-labelledby': 'table-join-title', 'data-testid': 'table-join' },
      h('h2', { id: 'table-join-title' }, known.ok ? `Join table ${showTableCode(known.code)}` : 'Join a table'),
      h('p', {}, 'Each of you on your own device: the server plays the round, and every screen shows the same world.'),
      h('label', { for: 'table-name' }, 'Your name'),
      h('input', { id: 'table-name', 'data-keep': 'table-name', maxlength: 40, autocomplete: 'nickname' }),
      h('label', { for: 'table-seat' }, 'Your seat'),
      h(
        'select',
        { id: 'table-seat', 'data-keep': 'table-seat' },
        ...SEAT_ROLES.map((role) => h('option', { value: role }, seatLabel(role))),
      ),
      h('label', { for: 'table-code' }, 'Table code (from the facilitator, e.g. 7K3M-Q9TX)'),
      h('input', {
        id: 'table-code',
        'data-keep': 'table-code',
        value: known.ok ? showTableCode(known.code) : code,
        maxlength: 20,
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
      }),
      problem ? h('p', { role: 'alert', class: 'problem' }, problem) : null,
      h(
        'div',
        { class: 'actions' },
        button('Sit at the table', 'join-table', () => void join(), { class: 'primary' }),
      ),
    ),
  );
}
