import { createActor } from 'xstate';
import { defaultScenarioId } from '../content/scenarios';
import { samplePoint } from '../round/history';
import type { RoundSession, RoundSetup } from '../round/roundSession';
import { builtInScenario } from '../round/roundTerms';
import type { SaveFile } from '../round/save/save';
import { seatFor } from '../round/seats';
import {
  type Command,
  type InputSource,
  isWorldInput,
  MINUTES_PER_DAY,
  roundOver,
  type Scenario,
  type SimEvent,
  type Snapshot,
} from '../sim';
import { AttractDemo } from './attractDemo';
import { DebriefDesk } from './debriefDesk';
import { LearningDesk } from './learningDesk';
import { LocalRound } from './localRound';
import type { TableLine } from './remoteTable';
import type { Dispatched, DriverHooks, RoundDriver } from './roundDriver';
import { SavedRounds } from './savedRounds';
import { type ScreenPhase, screenFlowMachine } from './screenFlow';
import { loadSettings, type Settings, saveSettings } from './settings';
import type { StoreView } from './storeView';
import { TableRound } from './tableRound';
import { ViewState } from './viewState';

export { INCIDENT_SLOWDOWN, MINUTES_PER_SECOND } from '../round/roundClock';
export { GUIDED_FIRE_AT, guidedFireCommand, type RoundSetup } from '../round/roundSession';
export type { DebriefView, StoreView } from './storeView';

type Listener = (view: StoreView) => void;

/**
 * The screens' store: the screen flow (a machine), one view the panels draw from, the players' own view
 * state, settings, and the running round behind a `RoundDriver` — played at this screen or at a room
 * table, which the store never needs to know. The attract demo, the debrief and saved rounds are its
 * collaborators.
 */
export class GameStore {
  readonly flow = createActor(screenFlowMachine).start();
  scenario: Scenario;
  view: StoreView;
  /** What the players picked, typed and opened: selection, picks, drafts, problems. */
  readonly ui = new ViewState();
  readonly attract = new AttractDemo(this);
  readonly debrief = new DebriefDesk(this);
  readonly saved = new SavedRounds(this);
  readonly learning = new LearningDesk(this);
  private driver: RoundDriver | null = null;
  private listeners = new Set<Listener>();
  private lastSampleDay = -1;
  /** The last week whose offers were put before the players (each week's are offered once). */
  private weekOffered = 0;

  constructor() {
    const scenario = builtInScenario(defaultScenarioId);
    if (!scenario) throw new Error('the built-in scenario is invalid');
    this.scenario = scenario;
    this.view = {
      phase: 'menu',
      snapshot: null,
      settings: loadSettings(),
      silent: null,
      ghost: null,
      justPrevented: [],
      history: [],
      fresh: [],
      pagedIncident: null,
      openRetro: null,
      message: null,
      demo: false,
      debrief: null,
      tableTimer: null,
      revealed: false,
      table: null,
      weekChoice: null,
    };
    this.flow.subscribe((s) => {
      const phase = s.value as ScreenPhase;
      if (phase !== 'report' && this.view.debrief) this.view = { ...this.view, debrief: null };
      this.view = { ...this.view, phase };
      this.emit();
    });
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.view);
    return () => this.listeners.delete(fn);
  }

  /** Changes the view and tells every panel. */
  patch(change: Partial<StoreView>): void {
    this.view = { ...this.view, ...change };
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.view);
    if (this.view.fresh.length > 0 || this.view.justPrevented.length > 0)
      this.view = { ...this.view, fresh: [], justPrevented: [] };
  }

  snapshot(): Snapshot | null {
    return this.driver?.session.snapshot() ?? null;
  }

  /** The running round (its log, for a debrief or an export). */
  round(): RoundSession | null {
    return this.driver?.session ?? null;
  }

  /** A guided round: the menu's choice, or a round whose log holds the guided first fire. */
  guided(): boolean {
    return this.ui.choice?.guided === true || (this.round()?.entries.some((e) => e.by === 'guided') ?? false);
  }

  chooseScenario(scenario: Scenario): void {
    this.scenario = scenario;
  }

  newGame(): void {
    this.flow.send({ type: 'NEW_GAME' });
  }

  backToMenu(): void {
    this.drop();
    this.flow.send({ type: 'MENU' });
  }

  /** The hooks a driver reports through. */
  private readonly hooks: DriverHooks = {
    advanced: (events) => this.afterAdvance(events),
    clockChanged: (paused) => {
      if (paused && this.view.phase === 'playing') this.flow.send({ type: 'PAUSE' });
      if (!paused && this.view.phase === 'paused') this.flow.send({ type: 'RESUME' });
    },
    said: (text) => this.say(text),
    kept: (ok) => this.patch({ unsaved: !ok }),
  };

  /** A new round at this screen. */
  startRound(setup: RoundSetup): void {
    this.attach(LocalRound.start(setup, this.hooks), setup.scenario);
    this.flow.send({ type: 'START' });
    this.sample();
    this.emit();
  }

  /** Picks up a checked save (from this browser or an imported file), paused. */
  resumeFrom(save: SaveFile): boolean {
    const driver = LocalRound.resume(save, this.hooks);
    this.attach(driver, save.scenario, { history: save.history, snapshot: save.state });
    this.lastSampleDay = Math.floor(save.state.now / MINUTES_PER_DAY);
    this.view = { ...this.view, weekChoice: driver.weekChoiceDue() };
    this.weekOffered = this.view.weekChoice ?? 0;
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    this.flow.send({ type: 'START' });
    this.follow();
    this.pause();
    // A round saved as it was lost goes straight to its report.
    if (roundOver(save.state)) {
      this.learning.roundEnded();
      this.flow.send({ type: 'ROUND_OVER' });
    }
    this.emit();
    return true;
  }

  /** Sits this screen at a table on a room server: the world comes from the table's log from now on. */
  playAtTable(session: RoundSession, line: TableLine, paused: boolean): TableRound {
    const driver = new TableRound(session, line, this.hooks);
    this.attach(driver, session.scenario);
    this.lastSampleDay = Math.floor(session.snapshot().now / MINUTES_PER_DAY);
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    this.flow.send({ type: 'START' });
    this.hooks.clockChanged(paused);
    this.afterAdvance([]);
    return driver;
  }

  /** Makes a driver the running round, leaving the last one, with a fresh view of the round. */
  private attach(
    driver: RoundDriver,
    scenario: Scenario,
    from: { history?: StoreView['history']; snapshot?: Snapshot } = {},
  ): void {
    this.drop();
    this.driver = driver;
    this.scenario = scenario;
    this.debrief.reset();
    this.lastSampleDay = -1;
    this.weekOffered = 0;
    this.ui.forRound();
    this.view = {
      ...this.view,
      demo: driver.demo,
      table: driver.table?.code ?? null,
      tableSeat: driver.table?.seat as StoreView['tableSeat'],
      snapshot: from.snapshot ?? driver.session.snapshot(),
      history: from.history ?? [],
      silent: null,
      ghost: null,
      justPrevented: [],
      pagedIncident: null,
      openRetro: null,
      message: null,
      weekChoice: null,
      unsaved: false,
    };
  }

  /** Leaves the running round (a table's seat is given up; a screen's own round stays saved). */
  private drop(): void {
    this.driver?.leave();
    this.driver = null;
    if (this.view.table) this.view = { ...this.view, table: null };
  }

  /** The running round as a save file, for an export when the browser cannot keep it. */
  roundFile(): { text: string; save: SaveFile } | null {
    const session = this.driver?.session;
    if (!session || this.view.demo) return null;
    const save = session.save(this.view.history, new Date().toISOString());
    return { text: JSON.stringify(save), save };
  }

  /** Keeps the round (not in the menu or on the report: there is nothing left to resume). */
  saveNow(): void {
    if (this.view.phase === 'report' || this.view.phase === 'menu') return;
    this.driver?.keep(this.view.history);
  }

  /**
   * A decision of the players, or with `by: 'facilitator'` a fire from the facilitator's window (only that
   * reaches the never-learning timeline; a fire set from the players' own screen is staged). At a table
   * with named players it is credited to the player holding the decision's role.
   */
  dispatch(command: Command, by: InputSource = 'player'): Dispatched {
    const driver = this.driver;
    if (!driver) return { ok: false, reason: 'no round is running' };
    const credit = isWorldInput(command) ? undefined : seatFor(this.view.settings.seats, command);
    const result = driver.dispatch(command, credit, by);
    if ('applied' in result && isWorldInput(command)) this.follow();
    this.view = {
      ...this.view,
      snapshot: driver.session.snapshot(),
      message: result.ok ? null : result.reason,
    };
    if (command.type === 'acknowledge' && this.view.pagedIncident === command.incident)
      this.view = { ...this.view, pagedIncident: null };
    this.emit();
    return result;
  }

  setSettings(patch: Partial<Settings>): void {
    const settings = { ...this.view.settings, ...patch };
    if (patch.speed !== undefined && patch.speed !== this.view.settings.speed) this.driver?.setSpeed(patch.speed);
    saveSettings(settings);
    this.patch({ settings });
  }

  pause(): void {
    if (this.view.phase === 'playing') this.driver?.pause();
  }

  resume(): void {
    if (this.view.phase === 'paused') this.driver?.resume();
  }

  togglePause(): void {
    if (this.view.phase === 'playing') this.pause();
    else if (this.view.phase === 'paused') this.resume();
  }

  openRetro(retroId: string): void {
    this.view = { ...this.view, openRetro: retroId };
    this.flow.send({ type: 'OPEN_RETRO' });
  }

  closeRetro(): void {
    this.view = { ...this.view, openRetro: null };
    this.flow.send({ type: 'CLOSE_RETRO' });
  }

  /** Re-draw views after a view-only change, such as a new selection. */
  refresh(): void {
    this.emit();
  }

  dismissPage(): void {
    this.patch({ pagedIncident: null });
  }

  /** Something to tell the players (a refusal from the table, a dropped connection). */
  say(message: string): void {
    this.patch({ message });
  }

  /** Takes one of this week's offers and plays on. */
  chooseInvestment(offer: number): boolean {
    const week = this.view.weekChoice;
    if (week === null) return false;
    const result = this.dispatch({ type: 'chooseInvestment', week, offer });
    if (result.ok) this.closeWeekChoice();
    return result.ok;
  }

  /** Lets the week pass without an investment (nothing is chosen for the players) and plays on. */
  closeWeekChoice(): void {
    if (this.view.weekChoice === null) return;
    this.view = { ...this.view, weekChoice: null };
    this.resume();
    this.emit();
  }

  /** Advance by simulated minutes (the loop and tests call this). */
  advanceMinutes(minutes: number): SimEvent[] {
    const stopAtPage = this.view.settings.autoPause && this.view.phase === 'playing';
    return this.driver?.advance(minutes, stopAtPage) ?? [];
  }

  /** Called by the frame loop with real elapsed time. */
  frame(realMs: number): void {
    if (this.view.phase === 'playing') this.driver?.frame(realMs, this.view.settings.speed);
  }

  private afterAdvance(events: SimEvent[]): void {
    const driver = this.driver;
    if (!driver) return;
    let paged = this.view.pagedIncident;
    for (const e of events) if (e.type === 'paged') paged = e.incident;
    const snapshot = driver.session.snapshot();
    this.view = { ...this.view, snapshot, fresh: [...this.view.fresh, ...events], pagedIncident: paged };
    this.follow();
    this.sample();
    if (events.some((e) => e.type === 'paged') && this.view.settings.autoPause && !driver.demo) this.pause();
    const week = driver.weekChoiceDue();
    if (week !== null && week !== this.weekOffered) {
      this.weekOffered = week;
      this.view = { ...this.view, weekChoice: week };
      this.pause();
    }
    if (events.some((e) => e.type === 'round-over')) {
      driver.ended();
      this.learning.roundEnded();
      this.flow.send({ type: 'ROUND_OVER' });
    }
    this.emit();
  }

  /** Brings the ghost timeline up to the players' minute and notes silent successes as their minute passes. */
  private follow(): void {
    const session = this.driver?.session;
    if (!session) return;
    const { view, justPrevented } = session.ghost.follow(session.snapshot());
    this.view = {
      ...this.view,
      ghost: view,
      silent: view.report,
      justPrevented: [...this.view.justPrevented, ...justPrevented],
    };
  }

  private sample(): void {
    const snap = this.snapshot();
    if (!snap) return;
    const day = Math.floor(snap.now / MINUTES_PER_DAY);
    if (day === this.lastSampleDay) return;
    this.lastSampleDay = day;
    const point = samplePoint(snap, this.view.silent?.replayIncidents ?? 0, this.view.ghost?.par ?? 0);
    this.view = { ...this.view, history: [...this.view.history, point] };
    this.saveNow();
  }

  /** Hands the demo's round to the person who just pressed a key. */
  takeOverRound(): void {
    this.driver?.takeOver();
  }

  /** When each incident of the never-learning replay started, for the weekly chart. */
  replayIncidentStarts(): number[] {
    return this.driver?.session.ghost.incidentStarts() ?? [];
  }

  setTableTimer(timer: { label: string; endsAt: number } | null): void {
    this.patch({ tableTimer: timer });
  }

  setRevealed(on: boolean): void {
    this.patch({ revealed: on });
  }
}
