import { describe, expect, it } from 'vitest';
import { Turns } from '../../server/turns';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a table's tick, say
  }
};

describe('turns', () => {
  it('runs one piece of work a turn, so what fell due meanwhile runs between two pieces', async () => {
    const turns = new Turns();
    const order: string[] = [];
    const done = new Promise<void>((ok) => {
      turns.run(() => {
        order.push('first');
        // A timer due while the first piece runs (as a socket's message arrives while a tick runs).
        setTimeout(() => order.push('due meanwhile'), 0);
        busy(5);
      });
      turns.run(() => order.push('second'));
      turns.run(() => {
        order.push('third');
        ok();
      });
    });
    await done;
    expect(order).toEqual(['first', 'due meanwhile', 'second', 'third']);
  });
});
