import { savedLargePrint } from './app/settingsKey';
import { reportFailures, showFailure } from './ui/failure';
import { showFirstMenu } from './ui/firstMenu';
import './ui/styles.css';

/**
 * The page's entry. The menu comes first, drawn from a few kilobytes and usable at once; the simulation and the
 * screens load behind it and take it over where the player left it, and the map (Phaser) comes after them.
 */
reportFailures();
const app = document.getElementById('app');
const overlay = document.getElementById('overlay');
// A shared link, a table's address or the booth preset opens on a screen of its own: the game draws that itself.
const plainVisit = window.location.search === '' && window.location.hash === '';
if (app && overlay && plainVisit) {
  app.classList.toggle('large-print', savedLargePrint());
  showFirstMenu(overlay);
}

let loading = false;
function loadGame(): void {
  if (loading) return;
  loading = true;
  import('./screens').catch((err: unknown) =>
    showFailure(new Error(`the game could not be loaded (${String(err)}); check the connection and reload`)),
  );
}
if (plainVisit) {
  // After the menu's first frame, so the download never holds it up; a hidden tab draws no frames, hence the timer.
  requestAnimationFrame(() => setTimeout(loadGame, 0));
  setTimeout(loadGame, 250);
} else loadGame();
