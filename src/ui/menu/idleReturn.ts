import { IDLE_RETURN_MS } from '../../app/booth';
import type { GameStore } from '../../app/store';

/**
 * A visitor may walk away mid-round: after `ms` without a key, click, touch or wheel, the round is saved and the menu
 * comes back (where, a minute later, the demo starts). The demo itself and the menu are left alone.
 */
export function installIdleReturn(store: GameStore, ms = IDLE_RETURN_MS): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(giveUp, ms);
  };
  const giveUp = () => {
    timer = null;
    const { phase, demo, table } = store.view;
    // A seat at a room table is never given up by a timer: the table talks, or waits for the facilitator.
    if (!demo && !table && phase !== 'menu') {
      for (const d of document.querySelectorAll<HTMLDialogElement>('dialog#help[open], dialog#end-round[open]'))
        d.close();
      store.saveNow();
      if (store.view.phase === 'retro') store.closeRetro();
      store.backToMenu();
    }
    arm();
  };
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'])
    window.addEventListener(type, arm, { capture: true, passive: true });
  arm();
}
