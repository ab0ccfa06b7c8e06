/**
 * One line per refused attempt, with the client's address and no stack trace: what a facilitator reads in
 * the server's window when someone misbehaves. Lines are cut short, and a flood of them is summed up.
 */
let written = 0;
let windowStart = Date.now();
let hidden = 0;

/** At most this many refusal lines a second; the rest are counted and reported once. */
const LINES_PER_SECOND = 50;

export function logRefusal(address: string, what: string, reason: string): void {
  const now = Date.now();
  if (now - windowStart >= 1000) {
    if (hidden > 0) console.warn(`refused: ${hidden} more attempts in the last second (not listed)`);
    windowStart = now;
    written = 0;
    hidden = 0;
  }
  if (written >= LINES_PER_SECOND) {
    hidden++;
    return;
  }
  written++;
  console.warn(`refused ${clean(address, 60)} ${clean(what, 60)}: ${clean(reason, 200)}`);
}

function clean(text: string, max: number): string {
  const t = String(text).replace(/[^\x20-\x7e]/g, '?');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
