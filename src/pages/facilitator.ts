import { type FacilitatorMessage, openChannel, type TableMessage, tableMessage } from '../protocol/facilitatorWindow';
import { renderConsole } from '../ui/workshop/facilitatorConsole';
import '../ui/workshop/compare.css';
import '../ui/workshop/facilitator.css';

/**
 * The facilitator's window: opened beside the table's window on the same machine, it sees what the
 * players do not and steers the round. No server: the two windows talk over a BroadcastChannel.
 */
const root = document.getElementById('facilitator');
const channel = openChannel<FacilitatorMessage, TableMessage>(tableMessage);
let status: TableMessage | null = null;
let heardAt = 0;

function draw(): void {
  if (!root) return;
  renderConsole(root, status, Date.now() - heardAt, (m) => channel?.send(m), !channel);
}

if (channel) {
  channel.onMessage = (m) => {
    status = m;
    heardAt = Date.now();
    draw();
  };
  channel.send({ kind: 'hello' });
}
// Every few seconds the window says it is still here, so the table keeps reporting to it (and a table
// opened after this window hears of it).
setInterval(() => channel?.send({ kind: 'hello' }), 3000);
setInterval(draw, 1000);
draw();
