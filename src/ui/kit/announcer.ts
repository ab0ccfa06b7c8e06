/**
 * One polite live region for what a screen-reader user must not miss: a page, a retro ready to hold, the end
 * of the round. At most one message a second; when they pile up, the newest few are kept.
 */
const GAP_MS = 1000;
const KEEP = 3;

export class Announcer {
  private readonly queue: string[] = [];
  private lastSpoken = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly region: HTMLElement) {}

  announce(text: string): void {
    this.queue.push(text);
    while (this.queue.length > KEEP) this.queue.shift();
    this.schedule();
  }

  private speakNext(): void {
    this.timer = null;
    const text = this.queue.shift();
    if (text === undefined) return;
    this.region.textContent = text;
    this.lastSpoken = performance.now();
    if (this.queue.length > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.speakNext(), Math.max(0, this.lastSpoken + GAP_MS - performance.now()));
  }
}
