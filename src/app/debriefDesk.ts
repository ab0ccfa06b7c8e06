import { Debrief } from '../round/debrief';
import type { GameStore } from './store';

/**
 * The debrief after a round: both timelines rebuilt from the round's input log, shown at a chosen minute.
 * A round resumed from an older save has no full log; then the reason is given.
 */
export class DebriefDesk {
  private model: Debrief | null = null;

  constructor(private readonly store: GameStore) {}

  /** A new round: the last round's debrief is gone. */
  reset(): void {
    this.model = null;
  }

  /** Opens the debrief at a minute (the round's end by default); returns why not, or null. */
  open(minute?: number): string | null {
    const why = this.unavailable();
    const log = this.store.round()?.log();
    if (why || !log) return why ?? 'no round to debrief';
    this.model ??= new Debrief(log);
    this.scrubTo(minute ?? this.model.end);
    return null;
  }

  /** Why this round cannot be debriefed, or null when it can. */
  unavailable(): string | null {
    const session = this.store.round();
    if (!session) return 'no round to debrief';
    if (!session.complete)
      return 'this round was resumed from an older save, so its log does not reach back to the start';
    return null;
  }

  /** Shows both timelines at a minute of the debrief. */
  scrubTo(minute: number): void {
    const d = this.model;
    if (!d) return;
    const m = Math.max(0, Math.min(d.end, Math.round(Number.isFinite(minute) ? minute : 0)));
    const { ours, ghost } = d.at(m);
    this.store.patch({ debrief: { minute: m, end: d.end, ours, ghost, marks: d.marks } });
  }

  close(notify = true): void {
    if (notify) this.store.patch({ debrief: null });
    else this.store.view = { ...this.store.view, debrief: null };
  }
}
