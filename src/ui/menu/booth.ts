import { DEMO_LESSON_MS, IDLE_DEMO_MS, IDLE_RETURN_MS } from '../../app/booth';
import type { GameStore } from '../../app/store';

/** What counts as someone at the screen: any key, click, touch, wheel or move of the mouse. */
const PRESENCE = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `idle` after `ms` without anyone at the screen; every sign of presence starts the wait again. Returns a way
 * to start the wait again from here (a new screen, say).
 */
function whenIdle(ms: number, idle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let at = '';
  const arm = (e?: Event) => {
    // The browser sends a pointer move of its own when the page changes under a mouse nobody touches: only a
    // pointer that went somewhere is a person.
    if (e instanceof PointerEvent && e.type === 'pointermove') {
      const here = `${e.screenX},${e.screenY}`;
      if (here === at) return;
      at = here;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      idle();
      arm();
    }, ms);
  };
  for (const type of PRESENCE) window.addEventListener(type, arm, { capture: true, passive: true });
  arm();
  return () => arm();
}

/**
 * The demo plays on a loop: at its end its lesson stays on the screen long enough to read from a step back,
 * then the demo starts again (unless someone took it over meanwhile).
 */
export function loopTheDemo(store: GameStore): void {
  let restart: ReturnType<typeof setTimeout> | null = null;
  store.subscribe((view) => {
    if (view.demo && view.phase === 'report' && !restart)
      restart = setTimeout(() => {
        restart = null;
        if (store.view.demo && store.view.phase === 'report') store.attract.start();
      }, DEMO_LESSON_MS);
    if (!view.demo && restart) {
      clearTimeout(restart);
      restart = null;
    }
  });
}

/**
 * The booth (`?booth`): a minute on the menu with nobody at it starts the demo, wherever the focus is; a round
 * left alone for three minutes is saved and the menu comes back; and the round stops at each decision the
 * visitor must make (a page, a retro ready to hold, the week's choice), so nothing escalates while they read.
 * None of this runs anywhere else: a table that pauses to talk is never thrown to the menu, and a seat at a room
 * table never starts the demo.
 */
export function installBooth(store: GameStore): void {
  store.setSettings({ autoPause: true });
  const atTable = () => store.view.table !== null || new URLSearchParams(window.location.search).has('table');
  const menuWait = whenIdle(IDLE_DEMO_MS, () => {
    if (store.view.phase === 'menu' && !store.view.demo && !atTable()) store.attract.start();
  });
  // The minute counts from when the menu came back, too: a round just sent back gets its menu for a minute.
  let lastPhase = store.view.phase;
  store.subscribe((view) => {
    if (view.phase === 'menu' && lastPhase !== 'menu') menuWait();
    lastPhase = view.phase;
  });
  whenIdle(IDLE_RETURN_MS, () => {
    const { phase, demo } = store.view;
    if (demo || phase === 'menu' || atTable()) return;
    for (const d of document.querySelectorAll<HTMLDialogElement>('dialog#help[open], dialog#end-round[open]'))
      d.close();
    store.saveNow();
    if (store.view.phase === 'retro') store.closeRetro();
    store.backToMenu();
  });
  // A retro ready to hold is a decision: the clock stops for it, as it does for a page and the week's choice.
  store.subscribe((view) => {
    if (view.demo || view.phase !== 'playing') return;
    // After this notice has reached every panel, not in the middle of it.
    if (view.fresh.some((e) => e.type === 'incident-resolved')) queueMicrotask(() => store.pause());
  });
}
