import { createActor } from 'xstate';
import {
  type Command,
  type CommandResult,
  defaultScenarioId,
  type GamePhase,
  gameFlowMachine,
  isWorldInput,
  type Scenario,
  type SimEvent,
  type Snapshot,
} from '../sim';
import type { InputSource } from '../sim/inputLog';
import type { Debrief } from './debrief';
import { samplePoint } from './history';
import type { TableLine } from './remoteTable';
import { DEMO_SPEED, RoundClock } from './roundClock';
import { RoundSession, type RoundSetup } from './roundSession';
import { builtInScenario } from './roundTerms';
import { removeText, SAVE_KEY, storeText } from './save';
import { seatFor } from './seats';
import { loadSettings, type Settings, saveSettings } from './settings';
import type { StoreView } from './storeView';
import { minutesToBoundary, weekChoiceDue } from './weekChoice';

type Listener = (view: StoreView) => void;

/**
 * The screens' core state: the game flow, the view the panels draw, settings, and the running
 * round (a RoundSession, local or a replica of a table's) advanced by real time (a RoundClock).
 */
export class StoreCore {
  readonly flow = createActor(gameFlowMachine).start();
  scenario: Scenario;
  protected session: RoundSession | null = null;
  protected readonly clock = new RoundClock();
  protected listeners = new Set<Listener>();
  protected lastSampleDay = -1;
  /** The last week whose offers were put before the player (each week's are offered once). */
  protected weekOffered = 0;
  protected debriefModel: Debrief | null = null;
  /** Set while this screen sits at a table on a room server. */
  protected line: TableLine | null = null;
  view: StoreView;

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
      const phase = s.value as GamePhase;
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

  protected emit(): void {
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
    this.weekOffered = 0;
    this.view = {
      ...this.view,
      history: [],
      silent: null,
      ghost: null,
      justPrevented: [],
      pagedIncident: null,
      openRetro: null,
      message: null,
      weekChoice: null,
    };
    this.flow.send({ type: 'START' });
    this.sample();
    this.emit();
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

  /** A decision from the table; the facilitator's window says `by: 'facilitator'` for the fires it sets. */
  dispatch(command: Command, by: InputSource = 'player'): CommandResult {
    const session = this.session;
    if (!session) return { ok: false, reason: 'no round is running' };
    if (this.line) {
      // At a table the server judges: a refusal comes back as a message.
      this.line.command(command);
      return { ok: true };
    }
    const seat = isWorldInput(command) ? undefined : seatFor(this.view.settings.seats, command);
    const result = session.dispatch(command, by, seat);
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
    // A person's round stops at each week boundary, where the week's investment is offered.
    if (!demo) minutes = minutesToBoundary(session.snapshot(), minutes);
    const events = session.advance(minutes, this.view.settings.autoPause && this.view.phase === 'playing' && !demo);
    this.afterAdvance(events, !demo);
    return events;
  }

  protected afterAdvance(events: SimEvent[], ownRound: boolean): void {
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
    const week = local ? weekChoiceDue(snapshot) : null;
    if (week !== null && week !== this.weekOffered) {
      this.weekOffered = week;
      this.view = { ...this.view, weekChoice: week };
      this.pause();
    }
    if (events.some((e) => e.type === 'round-over')) {
      if (local) removeText(SAVE_KEY);
      this.flow.send({ type: 'ROUND_OVER' });
    }
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

  /** Brings the ghost timeline up to the player's minute and notes silent successes as their minute passes. */
  protected follow(): void {
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

  protected sample(): void {
    const snap = this.session?.snapshot();
    if (!snap) return;
    const day = Math.floor(snap.now / 1440);
    if (day === this.lastSampleDay) return;
    this.lastSampleDay = day;
    const point = samplePoint(snap, this.view.silent?.replayIncidents ?? 0, this.view.ghost?.par ?? 0);
    this.view = { ...this.view, history: [...this.view.history, point] };
    this.saveNow();
  }

  /** When each incident of the never-learning replay started, for the weekly chart. */
  replayIncidentStarts(): number[] {
    return this.session?.ghost.incidentStarts() ?? [];
  }
}
