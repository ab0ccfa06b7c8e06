/**
 * The process's larger pieces of work, one per turn of the event loop: a table's tick (the simulation moving
 * its clock some minutes, which can take a few milliseconds) and a client let in at the door. Between two of
 * them the event loop reads what arrived on every socket, so a table's command waits for one piece of work at
 * most, not for every table whose tick fell due at the same moment, nor for fifty phones joining at once (a
 * script, or a room of phones scanning the code).
 */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Runs `work` in a turn of its own, after the work already waiting. */
  run(work: () => void): void {
    this.waiting.push(work);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.next);
    }
  }

  private readonly next = (): void => {
    const work = this.waiting.shift();
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(this.next);
    work?.();
  };
}

/** This process's turns, shared by every table and the door. */
export const turns = new Turns();
