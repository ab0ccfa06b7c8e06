import { DEFAULT_SEED } from './app/demo';
import { startLoop } from './app/loop';
import { isShareHash } from './app/shareLink';
import { GameStore } from './app/store';
import { installTestHook } from './app/testHook';
import { startGame } from './game/main';
import { renderAfterFire } from './ui/afterFire';
import { renderHud } from './ui/hud';
import { renderIncidentPanel } from './ui/incidentPanel';
import { installKeyboard } from './ui/keyboard';
import { loadedScenarios, type MenuChoice, offerScenario, renderMenu } from './ui/menu';
import { renderPager } from './ui/pager';
import { renderReport } from './ui/report';
import { renderRetro } from './ui/retro';
import { renderSetup } from './ui/setup';
import { clearSharedNotice, openSharedLink } from './ui/sharedRound';
import './ui/styles.css';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page is missing #${id}`);
  return el;
}

function showFailure(err: unknown): void {
  const box = document.getElementById('failure');
  if (!box) return;
  box.hidden = false;
  box.textContent = `Something went wrong: ${err instanceof Error ? err.message : String(err)}. Your settings and the last save of your round are kept: reload to continue from the menu.`;
}

window.addEventListener('error', (e) => showFailure(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => showFailure(e.reason));

const store = new GameStore();
const app = byId('app');
const hud = byId('hud');
const panel = byId('incident-panel');
const after = byId('after-fire');
const overlay = byId('overlay');
const pager = byId('pager');
let choice: MenuChoice | null = null;
let lastPhase = '';
let pending = false;

function draw(): void {
  pending = false;
  const view = store.view;
  app.dataset.phase = view.phase;
  app.classList.toggle('large-print', view.settings.largePrint);
  try {
    if (view.phase !== lastPhase) {
      lastPhase = view.phase;
      if (view.phase === 'menu')
        renderMenu(
          overlay,
          store,
          (c) => {
            if (!c.shared) clearSharedNotice();
            choice = c;
            store.newGame();
          },
          choice,
          followSharedLink,
        );
      else if (view.phase === 'setup') {
        if (!choice)
          choice = { scenario: store.scenario, seed: DEFAULT_SEED, weeks: store.scenario.weeks, guided: false };
        renderSetup(overlay, store, choice);
      } else if (view.phase === 'playing' || view.phase === 'paused') overlay.replaceChildren();
    }
    if (view.phase === 'retro') renderRetro(overlay, view, store);
    if (view.phase === 'report') renderReport(overlay, view, store);
    if (view.phase === 'playing' || view.phase === 'paused' || view.phase === 'retro') {
      renderHud(hud, view, store);
      renderIncidentPanel(panel, view, store);
      renderAfterFire(after, view, store);
      renderPager(pager, view, store);
    }
  } catch (err) {
    showFailure(err);
  }
}

/** A #round=… link sets up the menu and the staffing screen for the round it carries. */
function followSharedLink(hash: string): void {
  if (!isShareHash(hash)) return;
  void openSharedLink(hash, loadedScenarios(), (c) => {
    // The round is set up: a reload from here should offer to resume the saved round, not set it up again.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    choice = c;
    offerScenario(c.scenario);
    store.chooseScenario(c.scenario);
    if (store.view.phase === 'setup') renderSetup(overlay, store, c);
    else store.newGame();
  }).then((ok) => {
    if (!ok && store.view.phase === 'menu') {
      lastPhase = '';
      draw();
    }
  });
}
followSharedLink(window.location.hash);
window.addEventListener('hashchange', () => followSharedLink(window.location.hash));

let lastDraw = 0;
store.subscribe((view) => {
  const urgent =
    view.phase !== lastPhase ||
    view.fresh.some((e) => e.type === 'paged') ||
    !view.snapshot ||
    view.phase !== 'playing';
  const now = performance.now();
  if (urgent || now - lastDraw > 150) {
    lastDraw = now;
    draw();
  } else if (!pending) {
    pending = true;
    setTimeout(draw, 160);
  }
});

const demoBanner = byId('demo-banner');
let demoRestart: ReturnType<typeof setTimeout> | null = null;
let idleOnMenu: ReturnType<typeof setTimeout> | null = null;
store.subscribe((view) => {
  demoBanner.hidden = !view.demo;
  if (view.demo && view.phase === 'report' && !demoRestart) {
    demoRestart = setTimeout(() => {
      demoRestart = null;
      if (store.view.demo) store.startDemo();
    }, 8000);
  }
  if (view.phase === 'menu' && !idleOnMenu) {
    idleOnMenu = setTimeout(() => {
      idleOnMenu = null;
      if (store.view.phase === 'menu' && !document.querySelector('#overlay :focus')) store.startDemo();
    }, 60_000);
  } else if (view.phase !== 'menu' && idleOnMenu) {
    clearTimeout(idleOnMenu);
    idleOnMenu = null;
  }
});
const takeOver = () => {
  if (!store.view.demo) return;
  if (demoRestart) clearTimeout(demoRestart);
  demoRestart = null;
  store.takeOver();
};
window.addEventListener('keydown', takeOver, { capture: true });
window.addEventListener('pointerdown', takeOver, { capture: true });

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.saveNow();
});
window.addEventListener('pagehide', () => store.saveNow());

startGame(byId('map'), store);
startLoop(store, showFailure);
installKeyboard(store);
installTestHook(store);
