import type { GameStore } from './store';

/** The real-time loop: hands elapsed real time to the store; the simulation sees only minutes. */
export function startLoop(store: GameStore): () => void {
  let last = performance.now();
  let handle = 0;
  const tick = (now: number) => {
    store.frame(now - last);
    last = now;
    handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(handle);
}
