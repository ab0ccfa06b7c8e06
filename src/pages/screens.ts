/**
 * Every screen of the game page, drawn from the store and wired to it: the menu (taken over from the first one),
 * staffing, the floor, the retro, the report. Loaded by `main.ts` once the first menu is on the screen.
 */
import { registerSW } from 'virtual:pwa-register';
import { BOOTH, isBooth } from '../app/booth';
import { linkToFacilitator } from '../app/facilitatorLink';
import { startLoop } from '../app/loop';
import { isShareHash } from '../app/shareLink';
import { GameStore } from '../app/store';
import { installTestHook } from '../app/testHook';
import { DEFAULT_SEED } from '../round/demo';
import { builtInScenarioList } from '../round/roundTerms';
import { formatClock } from '../sim';
import { renderAfterFire } from '../ui/floor/afterFire';
import { installNudge, renderCoach } from '../ui/floor/coach';
import { renderHud } from '../ui/floor/hud';
import { renderIncidentPanel } from '../ui/floor/incidentPanel';
import { installKeyboard } from '../ui/floor/keyboard';
import { renderMapText } from '../ui/floor/mapText';
import { PagerSound, renderPager } from '../ui/floor/pager';
import { renderTableNotes } from '../ui/floor/tableNotes';
import { renderWeekChoice } from '../ui/floor/weekChoice';
import { Announcer } from '../ui/kit/announcer';
import { describeEvent } from '../ui/kit/eventText';
import { showFailure } from '../ui/kit/failure';
import { firstControl, keepModal } from '../ui/kit/modal';
import { installBooth, loopTheDemo } from '../ui/menu/booth';
import type { FirstMenuHandOver } from '../ui/menu/firstMenu';
import { loadedScenarios, offerScenario, renderMenu } from '../ui/menu/menu';
import { renderSetup } from '../ui/menu/setup';
import { openSharedLink } from '../ui/menu/sharedRound';
import { renderDemoLesson } from '../ui/report/demoLesson';
import { renderReport } from '../ui/report/report';
import { renderRetro } from '../ui/retro/retro';
import { renderTableJoin } from '../ui/workshop/tableJoin';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page is missing #${id}`);
  return el;
}

/** Draws every screen and wires it to a new store; `first` is the menu drawn while this loaded, to take over. */
export function showScreens(first: FirstMenuHandOver | null): void {
  const store = new GameStore();
  const firstPick = first ? builtInScenarioList()[first.scenario] : undefined;
  if (firstPick) store.chooseScenario(firstPick);
  const app = byId('app');
  const hud = byId('hud');
  const panel = byId('incident-panel');
  const after = byId('after-fire');
  const overlay = byId('overlay');
  const pager = byId('pager');
  const notes = byId('table-notes');
  const mapText = byId('map-text');
  const weekChoice = byId('week-choice');
  const coach = byId('coach');
  const pagerSound = new PagerSound();
  // The booth preset: a one-week round at 2× in large print, about five real minutes.
  const booth = isBooth(window.location.search);
  if (booth) store.setSettings({ speed: BOOTH.speed, largePrint: BOOTH.largePrint });
  if (booth) store.ui.choice = { scenario: store.scenario, seed: DEFAULT_SEED, weeks: BOOTH.weeks, guided: true };
  let lastPhase = '';
  let pending = false;

  let opener: HTMLElement | null = null;

  /** Each new screen starts with the focus on its first control; closing the retro returns it where it was. */
  function focusNewScreen(phase: string, previous: string): void {
    if (phase === 'retro') return; // the modal retro takes the focus itself
    const wanted =
      previous === 'retro' && opener?.isConnected
        ? opener
        : phase === 'playing' || phase === 'paused'
          ? previous === 'setup' || previous === 'retro'
            ? firstControl(hud)
            : null
          : firstControl(overlay);
    wanted?.focus();
  }

  // A room server's link (`?table=CODE`, or `?table=` for a new table) opens on the form to sit at that table.
  let joinCode = new URLSearchParams(window.location.search).get('table')?.slice(0, 64) ?? null;

  function draw(): void {
    pending = false;
    const view = store.view;
    app.dataset.phase = view.phase;
    app.classList.toggle('large-print', view.settings.largePrint);
    try {
      const previous = lastPhase;
      if (view.phase !== lastPhase) {
        lastPhase = view.phase;
        if (view.phase === 'retro')
          opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        if (view.table) joinCode = null;
        if (view.phase === 'menu' && joinCode !== null) {
          renderTableJoin(overlay, store, joinCode);
          keepModal(overlay, null);
        } else if (view.phase === 'menu')
          renderMenu(
            overlay,
            store,
            (c) => {
              if (!c.shared) store.ui.sharedNotice = null;
              store.ui.choice = c;
              store.newGame();
            },
            store.ui.choice,
            followSharedLink,
          );
        else if (view.phase === 'setup') {
          store.ui.choice ??= {
            scenario: store.scenario,
            seed: DEFAULT_SEED,
            weeks: store.scenario.weeks,
            guided: false,
          };
          renderSetup(overlay, store, store.ui.choice);
        } else if (view.phase === 'playing' || view.phase === 'paused') overlay.replaceChildren();
      }
      if (view.phase === 'retro') {
        renderRetro(overlay, view, store);
        keepModal(overlay, () => store.closeRetro());
        // A step that replaced the focused button hands the focus to the next step's main action, not to the page.
        if (!overlay.contains(document.activeElement))
          (overlay.querySelector<HTMLElement>('dialog .primary') ?? firstControl(overlay))?.focus();
      }
      if (view.phase === 'report') {
        // The top bar behind the report shows the round as it ended, the same score the report gives.
        renderHud(hud, view, store);
        // The demo's end is its lesson, in large words; a visitor's own round gets the whole report.
        if (view.demo) renderDemoLesson(overlay, view);
        else renderReport(overlay, view, store);
        keepModal(overlay, null);
      }
      if (view.phase === 'menu' || view.phase === 'setup') mapText.replaceChildren();
      if (view.phase === 'playing' || view.phase === 'paused' || view.phase === 'retro') {
        renderHud(hud, view, store);
        renderIncidentPanel(panel, view, store);
        renderAfterFire(after, view, store);
        renderPager(pager, view, store, pagerSound);
        renderTableNotes(notes, view, store);
        renderMapText(mapText, view);
      } else notes.hidden = true;
      renderCoach(coach, view, store);
      renderWeekChoice(weekChoice, view, store);
      // A player who moved about the first menu before the game took it over keeps the focus where it is.
      if (view.phase !== previous && !(previous === '' && first?.focusMoved)) focusNewScreen(view.phase, previous);
    } catch (err) {
      showFailure(err);
    }
  }

  /** A #round=… link sets up the menu and the staffing screen for the round it carries. */
  function followSharedLink(hash: string): void {
    if (!isShareHash(hash)) return;
    void openSharedLink(store.ui, hash, loadedScenarios(store.ui), (c) => {
      // The round is set up: a reload from here should offer to resume the saved round, not set it up again.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      store.ui.choice = c;
      offerScenario(store.ui, c.scenario);
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

  // The panels redraw a few times a second; the HUD clock keeps step with the map's on every change.
  store.subscribe((view) => {
    const clock = hud.querySelector('[data-testid="clock"]');
    if (clock && view.snapshot) clock.textContent = formatClock(view.snapshot.now);
  });

  // A change that needs an answer at once (a new screen, a page, a decision while paused) is drawn at once; further
  // changes in the same turn (a script stepping many minutes, a burst of messages) are drawn once at its end.
  let lastDraw = 0;
  let turnOpen = false;
  let owed = false;
  const endTurn = () => {
    turnOpen = false;
    if (owed) drawNow();
  };
  const drawNow = () => {
    lastDraw = performance.now();
    owed = false;
    draw();
    if (turnOpen) return;
    turnOpen = true;
    queueMicrotask(endTurn);
  };
  store.subscribe((view) => {
    const newScreen = view.phase !== lastPhase;
    const urgent =
      view.fresh.some((e) => e.type === 'paged') ||
      view.weekChoice !== null ||
      !view.snapshot ||
      view.phase !== 'playing';
    if (newScreen || (urgent && !turnOpen) || performance.now() - lastDraw > 150) drawNow();
    else if (urgent) owed = true;
    else if (!pending) {
      pending = true;
      setTimeout(draw, 160);
    }
  });

  // What a screen-reader user must hear, whatever has the focus: a page, a retro to hold, the end of the round.
  const announcer = new Announcer(byId('announcer'));
  const announce = (text: string) => announcer.announce(text);
  store.subscribe((view) => {
    const s = view.snapshot;
    if (!s || view.demo) return;
    for (const e of view.fresh) {
      if (e.type === 'paged') announce(describeEvent(s, e) ?? 'Someone was paged.');
      if (e.type === 'incident-resolved')
        announce(`${describeEvent(s, e) ?? 'An incident resolved.'} A retro is ready to hold.`);
      if (e.type === 'round-lost') announce(`The round is lost. ${e.reason}`);
      if (e.type === 'round-over') announce('The round is over: the report is ready.');
    }
  });

  const demoBanner = byId('demo-banner');
  store.subscribe((view) => {
    if (demoBanner.hidden === !view.demo) return;
    demoBanner.hidden = !view.demo;
  });
  loopTheDemo(store);
  // Taking over the demo starts a visitor's own fresh round: back to the menu, ready on its first button.
  const takeOver = (e: Event) => {
    if (!store.view.demo) return;
    e.preventDefault();
    e.stopPropagation();
    store.attract.takeOver();
    if (store.view.phase === 'retro') store.closeRetro();
    if (store.view.phase !== 'menu') store.backToMenu();
    (overlay.querySelector('[data-key="continue"]') as HTMLElement | null)?.focus();
  };
  window.addEventListener('keydown', takeOver, { capture: true });
  window.addEventListener('pointerdown', takeOver, { capture: true });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') store.saveNow();
  });
  window.addEventListener('pagehide', () => store.saveNow());

  startLoop(store, showFailure);
  installKeyboard(store);
  installNudge(store);
  // The booth alone goes back to the menu when left alone, and starts the demo on an idle menu.
  if (booth) installBooth(store);
  installTestHook(store);
  // A facilitator's window of the same page (facilitator.html) steers this table over a BroadcastChannel.
  linkToFacilitator(store);
  setInterval(() => {
    const v = store.view;
    if (v.tableTimer && (v.phase === 'playing' || v.phase === 'paused' || v.phase === 'retro'))
      renderTableNotes(notes, v, store);
  }, 1000);

  first?.finish();
  app.dataset.ready = 'true';
  // After the first visit the whole game is cached (a service worker): a booth keeps running when the network does not.
  registerSW({ immediate: true });

  // The menu is plain DOM and usable at once; Phaser (most of the download) arrives after it, for the map.
  setTimeout(() => {
    import('../game/main')
      .then(({ startGame }) => startGame(byId('map'), store))
      .catch((err: unknown) => showFailure(new Error(`the map could not be loaded (${String(err)})`)));
  }, 0);
}
