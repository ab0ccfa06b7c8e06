import {
  type FacilitatorMessage,
  openChannel,
  pairingIn,
  type TableMessage,
  tableMessage,
} from '../protocol/facilitatorWindow';
import { renderConsole, renderUnpaired } from '../ui/workshop/facilitatorConsole';
import '../ui/workshop/compare.css';
import '../ui/workshop/facilitator.css';

/**
 * The facilitator's window: opened beside the table's window on the same machine, it sees what the
 * players do not and steers the round. No server: the two windows talk over a BroadcastChannel named
 * after the secret in this window's address, which only the table's own link carries.
 */
const root = document.getElementById('facilitator');
const secret = pairingIn(window.location.hash);
const channel = secret ? openChannel<FacilitatorMessage, TableMessage>(tableMessage, secret) : null;
let status: TableMessage | null = null;
let heardAt = 0;

function draw(): void {
  if (!root) return;
  if (!secret) renderUnpaired(root);
  else renderConsole(root, status, Date.now() - heardAt, (m) => channel?.send(m), !channel);
}

if (channel) {
  channel.onMessage = (m) => {
    status = m;
    heardAt = Date.now();
    draw();
  };
  channel.send({ kind: 'hello' });
  // Every few seconds the window says it is still here, so the table keeps reporting to it (and a table
  // reloaded after this window opened hears of it).
  setInterval(() => channel.send({ kind: 'hello' }), 3000);
}
setInterval(draw, 1000);
draw();
