import { BOOTH, isBooth } from '../app/booth';
import { savedLargePrint } from '../app/settingsKey';
import { reportFailures, showFailure } from '../ui/kit/failure';
import { showFirstMenu } from '../ui/menu/firstMenu';
import '../ui/kit/styles.css';

/**
 * The page's entry. The menu comes first, drawn from a few kilobytes and usable at once; the simulation and the
 * screens load behind it and take it over where the player left it, and the map (Phaser) comes after them.
 */
reportFailures();
const app = document.getElementById('app');
const overlay = document.getElementById('overlay');
const booth = isBooth(window.location.search);
// A shared link or a table's address opens on a screen of its own: the game draws that itself.
const menuFirst =
  window.location.hash === '' && [...new URLSearchParams(window.location.search).keys()].every((k) => k === 'booth');
const first = app && overlay && menuFirst ? showFirstMenu(overlay, booth ? BOOTH.weeks : null) : null;
if (app && first) app.classList.toggle('large-print', (booth && BOOTH.largePrint) || savedLargePrint());

const loadGame = once(() =>
  import('./screens')
    .then(({ showScreens }) => showScreens(first?.takeOver() ?? null))
    .catch((err: unknown) =>
      showFailure(new Error(`the game could not be loaded (${String(err)}); check the connection and reload`)),
    ),
);
if (menuFirst) {
  // After the menu's first frame, so the download never holds it up; a hidden tab draws no frames, hence the timer.
  requestAnimationFrame(() => setTimeout(loadGame, 0));
  setTimeout(loadGame, 250);
} else loadGame();

/** A function that does its work the first time it is called only. */
function once(work: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    work();
  };
}
