import type { GameStore, StoreView } from '../../app/store';
import { button, h } from '../kit/dom';
import { exportRound } from '../kit/roundDownload';

/**
 * While this browser cannot keep the round (its storage is full), the side panel says so and offers the one way to
 * keep it: a file. The round plays on either way.
 */
export function unsavedNotice(view: StoreView, store: GameStore): HTMLElement | null {
  if (!view.unsaved || view.demo || view.table) return null;
  return h(
    'div',
    { class: 'unsaved', 'data-testid': 'unsaved' },
    h('span', {}, 'Not saved in this browser: its storage is full. '),
    button('Export round', 'export-unsaved', () => {
      const file = store.roundFile();
      if (file) exportRound(file);
    }),
  );
}
