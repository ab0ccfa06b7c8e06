import type { GameStore } from '../../app/store';
import { type Command, checkCommand, type Snapshot } from '../../sim';
import { h } from '../kit/dom';

/**
 * The facilitator's switch for playing only the organizational game: the team investigates and applies
 * the fix its clues point to by itself. A command, so it goes on the round's log.
 */
export function delegationToggle(s: Snapshot, store: GameStore): HTMLElement {
  const on = s.delegated === true;
  const flip: Command = { type: 'delegateResponse', on: !on };
  return h(
    'label',
    { class: 'inline delegate', 'data-key': 'delegate-row' },
    h('input', {
      type: 'checkbox',
      id: 'delegate',
      'data-key': 'delegate',
      checked: on,
      disabled: !checkCommand(s, flip).ok,
      onchange: () => store.dispatch(flip),
    }),
    ' Let the team run incidents by itself (investigate and fix without you) — for facilitators who want only the organizational game',
  );
}
