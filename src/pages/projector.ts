import { defaultServer } from '../app/remoteTable';
import { watchProjector } from '../app/roomsConsole';
import { type ProjectorState, renderProjector } from '../ui/workshop/projectorView';
import '../ui/workshop/projector.css';

/** The projector's view of a room server: opened from the console's link, which carries its key after the #. */
const root = document.getElementById('projector');
const state: ProjectorState = { screen: null, skew: 0, notice: null };
const draw = () => {
  if (root) renderProjector(root, state);
};
const key = decodeURIComponent(window.location.hash.slice(1));
if (!key) state.notice = 'Open the projector from the console’s link: this address has no key.';
else
  watchProjector(defaultServer(), key, {
    screen: (s) => {
      state.screen = s;
      state.skew = s.now - Date.now();
      draw();
    },
    notice: (text) => {
      state.notice = text;
      draw();
    },
  }).catch((err: unknown) => {
    const text = err instanceof Error ? err.message : String(err);
    state.notice = /projector link/.test(text)
      ? text
      : `No room server answered at this address (${text.slice(0, 120)}).`;
    draw();
  });
// Countdowns move every quarter second between the server's screens.
setInterval(draw, 250);
draw();
