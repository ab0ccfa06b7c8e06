/**
 * One polite live region for what a screen-reader user must not miss: a page, a retro ready to hold, the end
 * of the round. At most one message a second; when they pile up, the newest few are kept.
 */
const GAP_MS = 1000;
const KEEP = 3;
const queue: string[] = [];
let lastSpoken = Number.NEGATIVE_INFINITY;
let timer: ReturnType<typeof setTimeout> | null = null;

function speakNext(): void {
  timer = null;
  const region = document.getElementById('announcer');
  const text = queue.shift();
  if (!region || text === undefined) return;
  region.textContent = text;
  lastSpoken = performance.now();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (timer) return;
  timer = setTimeout(speakNext, Math.max(0, lastSpoken + GAP_MS - performance.now()));
}

export function announce(text: string): void {
  queue.push(text);
  while (queue.length > KEEP) queue.shift();
  schedule();
}
