import { button, h } from './dom';
import type { MenuChoice } from './menu';
import { joinWithCode, sharedNotice } from './sharedRound';
import './workshop.css';

/** The menu's "Join with a code" box: a facilitator reads a code aloud, every table types it. */
export function joinRow(go: (choice: MenuChoice) => void, redraw: () => void): HTMLElement {
  const join = () => {
    const input = document.getElementById('join-code') as HTMLInputElement | null;
    if (!joinWithCode(input?.value ?? '', go)) redraw();
  };
  const input = h('input', {
    id: 'join-code',
    'data-keep': 'join-code',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 12,
    placeholder: 'code',
  });
  // Enter joins too; the box stays on the page across redraws, so the first one's listener is the one kept.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') join();
  });
  return h(
    'div',
    { class: 'row join-code' },
    h('label', { for: 'join-code' }, 'Join with a code'),
    input,
    button('Join', 'join', join),
  );
}

/** What a shared link or code loaded, or why it could not be used. */
export function sharedNoticeBox(): HTMLElement | null {
  const notice = sharedNotice();
  if (!notice) return null;
  return notice.kind === 'ok'
    ? h('p', { class: 'shared-note', 'data-testid': 'shared-note' }, notice.text)
    : h('div', { class: 'problems', role: 'alert', 'data-testid': 'shared-problem' }, notice.text);
}
