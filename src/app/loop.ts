/** Something that takes real elapsed milliseconds, once per frame. */
export interface FrameTarget {
  frame(elapsedMs: number): void;
}

export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

const browserClock = (): FrameClock => ({
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
  now: () => performance.now(),
});

/**
 * The real-time loop: hands elapsed real time to the store; the simulation sees only minutes.
 * A frame that throws is reported once and the loop goes on, so one bad frame cannot freeze the game.
 */
export function startLoop(
  target: FrameTarget,
  report: (err: unknown) => void = () => {},
  clock: FrameClock = browserClock(),
): () => void {
  let last = clock.now();
  let handle = 0;
  let reported = false;
  const tick = (now: number) => {
    handle = clock.request(tick);
    const elapsed = now - last;
    last = now;
    try {
      target.frame(elapsed);
    } catch (err) {
      if (!reported) report(err);
      reported = true;
    }
  };
  handle = clock.request(tick);
  return () => clock.cancel(handle);
}
