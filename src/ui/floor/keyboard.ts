import type { GameStore } from '../../app/store';
import { openHelp } from '../kit/help';
import { stepCommand } from './investigation';
import { incidentShortcut, KEYMAP } from './keymap';

/** Form fields keep their own keys (typing, ticking a box, choosing in a list); buttons do not. */
function inFormField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || el.isContentEditable;
}

/** The help dialog's switch for single-key shortcuts, kept in step with the remembered setting. */
function wireShortcutSetting(store: GameStore): void {
  const box = document.getElementById('single-key-shortcuts') as HTMLInputElement | null;
  if (!box) return;
  box.onchange = () => store.setSettings({ singleKeyShortcuts: box.checked });
  store.subscribe((view) => {
    box.checked = view.settings.singleKeyShortcuts;
  });
}

/**
 * Space pauses; H or ? opens the rules; A acknowledges; D/L/Y/N/B/X take an investigation step with the
 * chosen responder; R/F/U/G/T pick a mitigation for the live incident.
 */
export function installKeyboard(store: GameStore): void {
  wireShortcutSetting(store);
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target as HTMLElement | null;
    // In the incident's role lists a letter would pick a person at once (A would make Ada commander);
    // there the arrows choose, and letters do nothing.
    if (el?.tagName === 'SELECT' && el.closest('#incident-panel') && /^[a-z]$/i.test(e.key)) {
      e.preventDefault();
      return;
    }
    if (inFormField(el)) return;
    if (document.querySelector('dialog[open]')) return; // a dialog on top has the keyboard
    const phase = store.view.phase;
    const bound = KEYMAP.get(e.key.toUpperCase());
    if (bound?.does === 'pause' && (phase === 'playing' || phase === 'paused')) {
      e.preventDefault();
      store.togglePause();
      return;
    }
    if (!store.view.settings.singleKeyShortcuts || !bound) return;
    if (bound.does === 'help') {
      openHelp();
      return;
    }
    if (phase !== 'playing' && phase !== 'paused') return;
    const s = store.snapshot();
    const inc = s ? store.ui.selectedIn(s) : null;
    if (!s || !inc) return;
    const command =
      bound.does === 'investigate' ? stepCommand(store.ui, s, inc, bound.step) : incidentShortcut(e.key, inc.id);
    if (command) store.dispatch(command);
  });
}
