import type { GameStore } from '../app/store';
import type { MITIGATIONS } from '../sim';
import { openHelp } from './hud';
import { selectedIncident } from './incidentPanel';

const MITIGATION_KEYS: Record<string, (typeof MITIGATIONS)[number]> = {
  r: 'rollback',
  f: 'failover',
  u: 'scale-up',
  g: 'flag-off',
  t: 'restart',
};

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || el.isContentEditable;
}

/** Space pauses; A acknowledges; R/F/U/G/T pick a mitigation for the live incident. */
export function installKeyboard(store: GameStore): void {
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if ((e.key === 'h' || e.key === '?') && !typing(e.target)) {
      openHelp();
      return;
    }
    const phase = store.view.phase;
    if (phase !== 'playing' && phase !== 'paused') return;
    if (e.key === ' ' && !typing(e.target)) {
      e.preventDefault();
      store.togglePause();
      return;
    }
    if (typing(e.target)) return;
    const s = store.snapshot();
    const inc = s ? selectedIncident(s) : null;
    if (!inc) return;
    const key = e.key.toLowerCase();
    if (key === 'a') store.dispatch({ type: 'acknowledge', incident: inc.id });
    const action = MITIGATION_KEYS[key];
    if (action) store.dispatch({ type: 'mitigate', incident: inc.id, action });
  });
}
