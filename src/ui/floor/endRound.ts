import type { GameStore } from '../../app/store';

/**
 * The way out of a running round: asks first, pauses while asking, and keeps the save so the menu can
 * offer to resume it.
 */
export function askToEndRound(store: GameStore): void {
  const dialog = document.getElementById('end-round') as HTMLDialogElement | null;
  if (!dialog || dialog.open) return;
  const wasPlaying = store.view.phase === 'playing';
  store.pause();
  dialog.returnValue = '';
  dialog.addEventListener(
    'close',
    () => {
      if (dialog.returnValue === 'menu') {
        store.saveNow();
        store.backToMenu();
      } else if (wasPlaying) store.resume();
    },
    { once: true },
  );
  dialog.showModal();
}
