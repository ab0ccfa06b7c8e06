import { createActor } from 'xstate';
import {
  builtInScenarios,
  type Command,
  type CommandResult,
  createWorld,
  defaultScenarioId,
  type GamePhase,
  gameFlowMachine,
  policies,
  type Scenario,
  type SilentReport,
  type SilentSuccess,
  type SimEvent,
  type Snapshot,
  validateScenario,
} from '../sim';
import type { LogEntry } from '../sim/inputLog';
import { setAsideCorrupt } from './corruptSaves';
import { Debrief, type DebriefMark } from './debrief';
import { DEMO, demoScenario } from './demo';
import type { GhostView } from './ghost';
import { type HistoryPoint, samplePoint } from './history';
import type { TableLine } from './remoteTable';
import { DEMO_SPEED, RoundClock } from './roundClock';
import { RoundSession, type RoundSetup } from './roundSession';
import { parseSave, readText, removeText, SAVE_KEY, type SaveFile, storeText } from './save';
import { loadSettings, type Settings, saveSettings } from './settings';

export { INCIDENT_SLOWDOWN, MINUTES_PER_SECOND } from './roundClock';
export { GUIDED_FIRE_AT, guidedFireCommand, type RoundSetup } from './roundSession';

export interface StoreView {
  phase: GamePhase;
  snapshot: Snapshot | null;
  settings: Settings;
  silent: SilentReport | null;
  /** The never-learning organization on the same luck, drawn live beside the player's. */
  ghost: GhostView | null;
  /** Silent successes whose minute just passed, for the feed and the map. */
  justPrevented: SilentSuccess[];
  history: HistoryPoint[];
  /** Events since the last notification, for feeds and effects. */
  fresh: SimEvent[];
  pagedIncident: string | null;
  openRetro: string | null;
  message: string | null;
  /** A bot is playing by itself (attract mode). */
  demo: boolean;
  /** The debrief after the round: both timelines at a chosen minute (null when closed). */
  debrief: DebriefView | null;
  /** A phase timer the facilitator set for the table, ending at a real time (ms since 1970). */
  tableTimer: { label: string; endsAt: number } | null;
  /** The facilitator has revealed the hidden state (latent weaknesses) to the table. */
  revealed: boolean;
  /** The code of the table on a room server this screen sits at, if any. */
  table: string | null;
}

export interface DebriefView {
  minute: number;
  end: number;
  ours: Snapshot;
  ghost: Snapshot;
  marks: DebriefMark[];
}

type Listener = (view: StoreView) => void;

/**
 * The screens' state: the game flow, the view the panels draw, settings and saving. The running
 * round itself (simulation, log, ghost) is a RoundSession; real time is a RoundClock.
 */
export class GameStore {
  readonly flow = createActor(gameFlowMachine).start();
  scenario: Scenario;
  private session: RoundSession | null = null;
  private readonly clock = new RoundClock();
  private listeners = new Set<Listener>();
  private lastSampleDay = -1;
  private debriefModel: Debrief | null = null;
  /** Set while this screen sits at a table on a room server. */
  private line: TableLine | null = null;
  view: StoreView;

  constructor() {
    const res = validateScenario(builtInScenarios[defaultScenarioId]);
    if (!res.ok) throw new Error('the built-in scenario is invalid');
    this.scenario = res.scenario;
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
    };
    this.flow.subscribe((s) => {
      const phase = s.value as GamePhase;
      if (phase !== 'report' && this.view.debrief) this.closeDebrief(false);
      this.view = { ...this.view, phase };
      this.emit();
    });
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.view);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.view);
    if (this.view.fresh.length > 0 || this.view.justPrevented.length > 0)
      this.view = { ...this.view, fresh: [], justPrevented: [] };
  }

  snapshot(): Snapshot | null {
    return this.session?.snapshot() ?? null;
  }

  /** The running round (its log, for a debrief or an export). */
  round(): RoundSession | null {
    return this.session;
  }

  chooseScenario(scenario: Scenario): void {
    this.scenario = scenario;
  }

  newGame(): void {
    this.flow.send({ type: 'NEW_GAME' });
  }

  backToMenu(): void {
    this.leaveTable();
    this.flow.send({ type: 'MENU' });
  }

  startRound(setup: RoundSetup): void {
    this.leaveTable();
    this.scenario = setup.scenario;
    this.view = { ...this.view, demo: !!setup.demoBot };
    this.session = RoundSession.start(setup);
    this.debriefModel = null;
    this.clock.reset();
    this.lastSampleDay = -1;
    this.view = {
      ...this.view,
      history: [],
      silent: null,
      ghost: null,
      justPrevented: [],
      pagedIncident: null,
      openRetro: null,
      message: null,
    };
    this.flow.send({ type: 'START' });
    this.sample();
    this.emit();
  }

  /** What the menu can offer to resume, or why the saved round cannot be used (it is then set aside, not lost). */
  savedRound(): { label: string } | { problem: string } | null {
    const text = readText(SAVE_KEY);
    if (text === null) return null;
    const result = parseSave(text);
    if (result.ok) {
      const s = result.save.state;
      return {
        label: `${result.save.scenario.name}, seed ${s.seed}, week ${Math.floor(s.now / 10080) + 1} of ${s.weeks}`,
      };
    }
    const kept = setAsideCorrupt(text);
    return {
      problem: kept
        ? `${result.reason}. It was set aside (kept as "${kept}" in this browser's storage) and nothing else was touched.`
        : `${result.reason}. It could not be set aside (this browser's storage is full or unavailable), so it stays where it was until a new round is saved over it.`,
    };
  }

  /** Picks up a saved round where it was left, paused. */
  resumeSaved(): boolean {
    const text = readText(SAVE_KEY);
    const result = text === null ? null : parseSave(text);
    return result?.ok === true && this.resumeFrom(result.save);
  }

  /** Picks up a checked save (from this browser or an imported file), paused. */
  resumeFrom(save: SaveFile): boolean {
    const { scenario, state, history } = save;
    this.scenario = scenario;
    this.session = RoundSession.resume(save);
    this.debriefModel = null;
    this.clock.reset();
    this.lastSampleDay = Math.floor(state.now / 1440);
    this.view = {
      ...this.view,
      history,
      silent: null,
      pagedIncident: null,
      openRetro: null,
      message: null,
      demo: false,
      snapshot: state,
    };
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    this.flow.send({ type: 'START' });
    this.follow();
    this.pause();
    this.emit();
    return true;
  }

  leaveTable(): void {
    this.line?.leave();
    this.line = null;
    if (this.view.table) this.view = { ...this.view, table: null };
  }

  /** Saves the round in this browser (not demo rounds); quietly does nothing when storage is unavailable. */
  saveNow(): void {
    const session = this.session;
    if (!session || session.demo || this.line || this.view.phase === 'report' || this.view.phase === 'menu') return;
    storeText(SAVE_KEY, JSON.stringify(session.save(this.view.history, new Date().toISOString())));
  }

  dispatch(command: Command): CommandResult {
    const session = this.session;
    if (!session) return { ok: false, reason: 'no round is running' };
    if (this.line) {
      // At a table the server judges: a refusal comes back as a message.
      this.line.command(command);
      return { ok: true };
    }
    const result = session.dispatch(command);
    if (result.ok && command.type === 'injectIncident') this.follow();
    this.view = {
      ...this.view,
      snapshot: session.snapshot(),
      message: result.ok ? null : result.reason,
    };
    if (command.type === 'acknowledge' && this.view.pagedIncident === command.incident) {
      this.view = { ...this.view, pagedIncident: null };
    }
    this.emit();
    return result;
  }

  setSettings(patch: Partial<Settings>): void {
    const settings = { ...this.view.settings, ...patch };
    if (patch.speed !== undefined && patch.speed !== this.view.settings.speed)
      this.session?.control('speed', patch.speed);
    saveSettings(settings);
    this.view = { ...this.view, settings };
    this.emit();
  }

  pause(): void {
    if (this.view.phase !== 'playing') return;
    if (this.line) {
      this.line.control('pause');
      return;
    }
    this.session?.control('pause');
    this.flow.send({ type: 'PAUSE' });
  }

  resume(): void {
    if (this.view.phase !== 'paused') return;
    if (this.line) {
      this.line.control('resume');
      return;
    }
    this.session?.control('resume');
    this.flow.send({ type: 'RESUME' });
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
    this.view = { ...this.view, pagedIncident: null };
    this.emit();
  }

  /** Advance by simulated minutes (the loop and tests call this). */
  advanceMinutes(minutes: number): SimEvent[] {
    const session = this.session;
    if (!session || this.line) return [];
    const demo = session.demo;
    const events = session.advance(minutes, this.view.settings.autoPause && this.view.phase === 'playing' && !demo);
    this.afterAdvance(events, !demo);
    return events;
  }

  private afterAdvance(events: SimEvent[], ownRound: boolean): void {
    const session = this.session;
    if (!session) return;
    let paged = this.view.pagedIncident;
    for (const e of events) if (e.type === 'paged') paged = e.incident;
    const snapshot = session.snapshot();
    this.view = { ...this.view, snapshot, fresh: [...this.view.fresh, ...events], pagedIncident: paged };
    this.follow();
    this.sample();
    const local = ownRound && !this.line;
    if (events.some((e) => e.type === 'paged') && this.view.settings.autoPause && local) this.pause();
    if (events.some((e) => e.type === 'round-over')) {
      if (local) removeText(SAVE_KEY);
      this.flow.send({ type: 'ROUND_OVER' });
    }
    this.emit();
  }

  /** Sits this screen at a table on a room server: the world comes from the table's log from now on. */
  playAtTable(session: RoundSession, line: TableLine, paused: boolean): void {
    this.line?.leave();
    this.line = line;
    this.scenario = session.scenario;
    this.session = session;
    this.debriefModel = null;
    this.lastSampleDay = Math.floor(session.snapshot().now / 1440);
    this.view = {
      ...this.view,
      demo: false,
      history: [],
      silent: null,
      ghost: null,
      message: null,
      table: line.tableId,
    };
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    this.flow.send({ type: 'START' });
    this.tableControl(paused);
    this.afterAdvance([], false);
  }

  /** The table's server moved on, sent entries, or paused or resumed the table. */
  tableMinute(minute: number): void {
    if (this.session && this.line) this.afterAdvance(this.session.advanceTo(minute), false);
  }

  tableEntries(entries: LogEntry[]): void {
    if (!this.session || !this.line) return;
    this.session.receive(entries);
    this.afterAdvance([], false);
  }

  tableControl(paused: boolean): void {
    if (paused && this.view.phase === 'playing') this.flow.send({ type: 'PAUSE' });
    if (!paused && this.view.phase === 'paused') this.flow.send({ type: 'RESUME' });
  }

  tableMessage(message: string): void {
    this.view = { ...this.view, message };
    this.emit();
  }

  /** Called by the frame loop with real elapsed time. */
  frame(realMs: number): void {
    const session = this.session;
    if (this.view.phase !== 'playing' || !session || this.line) return;
    const snap = session.snapshot();
    const live = snap.openIncidents.some((id) => snap.incidents[id]?.phase !== 'undetected');
    const whole = this.clock.tick(realMs, session.demo ? DEMO_SPEED : this.view.settings.speed, live);
    if (whole > 0) this.advanceMinutes(whole);
  }

  /** Attract mode: a learning-first bot plays a short round by itself, on a loop, until someone takes over. */
  startDemo(): void {
    const scenario = demoScenario();
    const bot = policies['learning-first'];
    if (!scenario || !bot) return;
    if (this.view.phase === 'report') this.flow.send({ type: 'MENU' });
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    const world = createWorld(scenario, { seed: DEMO.seed, weeks: DEMO.weeks });
    this.startRound({
      scenario,
      seed: DEMO.seed,
      weeks: DEMO.weeks,
      ownership: world.ownership,
      rotation: world.rotation.byTeam,
      inputs: DEMO.fires,
      demoBot: bot,
    });
    this.emit();
  }

  /** Any key or click hands the round to the human. */
  takeOver(): void {
    if (!this.session?.demo) return;
    this.session.takeOver();
    this.view = { ...this.view, demo: false };
    this.emit();
  }

  /** Brings the ghost timeline up to the player's minute and notes silent successes as their minute passes. */
  private follow(): void {
    const session = this.session;
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
    const snap = this.session?.snapshot();
    if (!snap) return;
    const day = Math.floor(snap.now / 1440);
    if (day === this.lastSampleDay) return;
    this.lastSampleDay = day;
    const point = samplePoint(snap, this.view.silent?.replayIncidents ?? 0, this.view.ghost?.par ?? 0);
    this.view = { ...this.view, history: [...this.view.history, point] };
    this.saveNow();
  }

  /**
   * Opens the debrief at a minute (the round's end by default): both timelines rebuilt from the
   * input log. A round resumed from an older save has no full log; then the reason is given.
   */
  openDebrief(minute?: number): string | null {
    const why = this.debriefUnavailable();
    const log = this.session?.log();
    if (why || !log) return why ?? 'no round to debrief';
    this.debriefModel ??= new Debrief(log);
    this.scrubTo(minute ?? this.debriefModel.end);
    return null;
  }

  setTableTimer(timer: { label: string; endsAt: number } | null): void {
    this.view = { ...this.view, tableTimer: timer };
    this.emit();
  }

  setRevealed(on: boolean): void {
    this.view = { ...this.view, revealed: on };
    this.emit();
  }

  /** Why this round cannot be debriefed, or null when it can. */
  debriefUnavailable(): string | null {
    const session = this.session;
    if (!session) return 'no round to debrief';
    if (!session.complete)
      return 'this round was resumed from an older save, so its log does not reach back to the start';
    return null;
  }

  /** Shows both timelines at a minute of the debrief. */
  scrubTo(minute: number): void {
    const d = this.debriefModel;
    if (!d) return;
    const m = Math.max(0, Math.min(d.end, Math.round(Number.isFinite(minute) ? minute : 0)));
    const { ours, ghost } = d.at(m);
    this.view = { ...this.view, debrief: { minute: m, end: d.end, ours, ghost, marks: d.marks } };
    this.emit();
  }

  closeDebrief(notify = true): void {
    this.view = { ...this.view, debrief: null };
    if (notify) this.emit();
  }

  /** When each incident of the never-learning replay started, for the weekly chart. */
  replayIncidentStarts(): number[] {
    return this.session?.ghost.incidentStarts() ?? [];
  }
}
