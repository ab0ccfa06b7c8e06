/**
 * One line per refused attempt, with the client's address and no stack trace: what a facilitator reads in
 * the server's window when someone misbehaves. Lines are cut short, and a flood of them is summed up.
 *
 * The lines are written together, a tenth of a second at most after the first of them, in one write: a
 * script's fifty phones refused at once are fifty lines and one write to the terminal, not fifty writes on
 * the event loop the tables use (each took some 70 µs, formatted and written one by one).
 */
export class RefusalLog {
  private pending = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private windowStart: number;
  private written = 0;
  private hidden = 0;

  constructor(
    private readonly write: (text: string) => void,
    /** At most this many lines a second; the rest are counted and reported in one line. */
    private readonly linesPerSecond = 50,
    private readonly now: () => number = Date.now,
    /** How long a line may wait for the ones after it. */
    private readonly waitMs = 100,
  ) {
    this.windowStart = now();
  }

  add(address: string, what: string, reason: string): void {
    this.closeWindow();
    if (this.written >= this.linesPerSecond) {
      this.hidden++;
    } else {
      this.written++;
      this.pending += `refused ${clean(address, 60)} ${clean(what, 60)}: ${clean(reason, 200)}\n`;
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), this.waitMs);
      this.timer.unref?.();
    }
  }

  /** Writes what is waiting (and the count of a flood whose second is over). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.closeWindow();
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.write(text);
    }
    // A flood's count is written once its second is over, even if nothing is refused after it.
    if (this.hidden > 0) {
      this.timer = setTimeout(() => this.flush(), Math.max(1, this.windowStart + 1000 - this.now()));
      this.timer.unref?.();
    }
  }

  private closeWindow(): void {
    const now = this.now();
    if (now - this.windowStart < 1000) return;
    if (this.hidden > 0) this.pending += `refused: ${this.hidden} more attempts in the last second (not listed)\n`;
    this.windowStart = now;
    this.written = 0;
    this.hidden = 0;
  }
}

const log = new RefusalLog((text) => process.stderr.write(text));
// Lines still waiting when the process ends are written as it goes.
process.once('exit', () => log.flush());

export function logRefusal(address: string, what: string, reason: string): void {
  log.add(address, what, reason);
}

function clean(text: string, max: number): string {
  const t = String(text).replace(/[^\x20-\x7e]/g, '?');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
