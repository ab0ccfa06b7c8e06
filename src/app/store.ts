import { createActor } from 'xstate';
import {
  builtInScenarios,
  type Command,
  type CommandResult,
  createSimulation,
  createSimulationFromState,
  createWorld,
  defaultScenarioId,
  eventCount,
  eventsSince,
  type GamePhase,
  gameFlowMachine,
  isWorldInput,
  type OwnershipModel,
  type Policy,
  policies,
  type RotationWeek,
  type Scenario,
  type SilentReport,
  type SilentSuccess,
  type SimEvent,
  type Simulation,
  type Snapshot,
  type TimedInput,
  Timeline,
  validateScenario,
} from '../sim';
import { setAsideCorrupt } from './corruptSaves';
import { DEMO, demoScenario } from './demo';
import { GhostTimeline, type GhostView } from './ghost';
import { type HistoryPoint, samplePoint } from './history';
import { makeSave, parseSave, readText, removeText, SAVE_KEY, type SaveFileV1, storeText } from './save';
import { loadSettings, type Settings, saveSettings } from './settings';

/** Simulated minutes per real second at 1×; slowed while an incident is live. */
export const MINUTES_PER_SECOND = 40;
export const INCIDENT_SLOWDOWN = 0.08;

export interface RoundSetup {
  scenario: Scenario;
  seed: number;
  weeks: number;
  ownership: OwnershipModel;
  rotation: Record<string, RotationWeek[]>;
  /** A first fire on Monday morning, so a new player meets the pager within a minute. */
  guided?: boolean;
  /** Scripted outside fires (the demo's); both timelines face them. */
  inputs?: TimedInput[];
  /** A bot that plays the round by itself (attract mode). */
  demoBot?: Policy;
}

/** When the guided first fire starts: Monday 09:30. */
export const GUIDED_FIRE_AT = 9 * 60 + 30;

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
}

type Listener = (view: StoreView) => void;

/** Wiring between the simulation and the views: the only place that owns a running round. */
export class GameStore {
  readonly flow = createActor(gameFlowMachine).start();
  scenario: Scenario;
  private sim: Simulation | null = null;
  private ghostTimeline: GhostTimeline | null = null;
  private listeners = new Set<Listener>();
  private carry = 0;
  /** In attract mode, the demo bot's timeline (its scripted fires are outside inputs). */
  private demo: Timeline | null = null;
  private guidedFire: TimedInput | null = null;
  private lastSampleDay = -1;
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
    };
    this.flow.subscribe((s) => {
      this.view = { ...this.view, phase: s.value as GamePhase };
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
    return this.sim?.snapshot() ?? null;
  }

  chooseScenario(scenario: Scenario): void {
    this.scenario = scenario;
  }

  newGame(): void {
    this.flow.send({ type: 'NEW_GAME' });
  }

  backToMenu(): void {
    this.flow.send({ type: 'MENU' });
  }

  startRound(setup: RoundSetup): void {
    this.scenario = setup.scenario;
    this.view = { ...this.view, demo: !!setup.demoBot };
    this.worldInputs = [];
    this.sim = createSimulation(setup.scenario, { seed: setup.seed, weeks: setup.weeks, ownership: setup.ownership });
    for (const [team, weeks] of Object.entries(setup.rotation)) this.sim.dispatch({ type: 'setRotation', team, weeks });
    this.guidedFire = setup.guided ? { at: GUIDED_FIRE_AT, command: guidedFireCommand(this.sim.snapshot()) } : null;
    this.ghostTimeline = new GhostTimeline(setup.scenario, this.sim.snapshot(), [
      ...(this.guidedFire ? [this.guidedFire] : []),
      ...(setup.inputs ?? []),
    ]);
    this.demo = setup.demoBot ? new Timeline(this.sim, setup.demoBot, setup.inputs ?? []) : null;
    this.carry = 0;
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
  resumeFrom(save: SaveFileV1): boolean {
    const { scenario, state, history } = save;
    this.scenario = scenario;
    this.demo = null;
    this.guidedFire = null;
    this.sim = createSimulationFromState(state);
    this.ghostTimeline = new GhostTimeline(scenario, state, save.inputs ?? []);
    this.carry = 0;
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
    this.worldInputs = save.inputs ?? [];
    this.flow.send({ type: 'START' });
    this.follow();
    this.pause();
    this.emit();
    return true;
  }

  /** Saves the round in this browser (not demo rounds); quietly does nothing when storage is unavailable. */
  saveNow(): void {
    const snap = this.sim?.snapshot();
    if (!snap || this.demo || this.view.phase === 'report' || this.view.phase === 'menu') return;
    const save = makeSave(this.scenario, snap, this.view.history, new Date().toISOString());
    storeText(SAVE_KEY, JSON.stringify({ ...save, inputs: this.worldInputs }));
  }

  /** Outside fires this round has faced so far (the ghost timeline faces the same). */
  private worldInputs: TimedInput[] = [];

  dispatch(command: Command): CommandResult {
    if (!this.sim) return { ok: false, reason: 'no round is running' };
    const at = this.sim.snapshot().now;
    const result = this.sim.dispatch(command);
    if (result.ok && isWorldInput(command)) {
      this.ghostTimeline?.add({ at, command });
      this.worldInputs = [...this.worldInputs, { at, command }];
      this.follow();
    }
    this.view = {
      ...this.view,
      snapshot: this.sim.snapshot(),
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
    saveSettings(settings);
    this.view = { ...this.view, settings };
    this.emit();
  }

  pause(): void {
    if (this.view.phase === 'playing') this.flow.send({ type: 'PAUSE' });
  }

  resume(): void {
    if (this.view.phase === 'paused') this.flow.send({ type: 'RESUME' });
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
    if (!this.sim) return [];
    const guided = this.guidedFire;
    if (guided !== null && this.sim.snapshot().now + minutes >= guided.at) {
      this.guidedFire = null;
      const first = Math.max(0, guided.at - this.sim.snapshot().now);
      const before = this.advanceMinutes(first);
      if ((this.sim?.snapshot().now ?? guided.at) < guided.at) {
        this.guidedFire = guided;
        return before;
      }
      // The ghost timeline already has this fire scheduled at the same minute.
      this.sim?.dispatch(guided.command);
      this.worldInputs = [...this.worldInputs, guided];
      return [...before, ...this.advanceMinutes(minutes - first)];
    }
    const events = this.demo
      ? this.advanceDemo(minutes)
      : this.stopsAtPage()
        ? this.advanceUntilPaged(minutes)
        : this.sim.advance(minutes);
    const snap = this.sim.snapshot();
    let paged = this.view.pagedIncident;
    for (const e of events) if (e.type === 'paged') paged = e.incident;
    this.view = { ...this.view, snapshot: snap, fresh: [...this.view.fresh, ...events], pagedIncident: paged };
    this.follow();
    this.sample();
    if (events.some((e) => e.type === 'paged') && this.view.settings.autoPause && !this.demo) this.pause();
    if (events.some((e) => e.type === 'round-over')) {
      if (!this.demo) removeText(SAVE_KEY);
      this.flow.send({ type: 'ROUND_OVER' });
    }
    this.emit();
    return events;
  }

  /** Called by the frame loop with real elapsed time. */
  frame(realMs: number): void {
    if (this.view.phase !== 'playing' || !this.sim) return;
    const live = this.sim
      .snapshot()
      .openIncidents.some((id) => this.sim?.snapshot().incidents[id]?.phase !== 'undetected');
    const speed = this.demo ? 8 : this.view.settings.speed;
    const rate = MINUTES_PER_SECOND * speed * (live ? INCIDENT_SLOWDOWN : 1);
    this.carry += (Math.min(realMs, 250) / 1000) * rate;
    const whole = Math.floor(this.carry);
    if (whole <= 0) return;
    this.carry -= whole;
    this.advanceMinutes(whole);
  }

  /** With auto-pause on, time stops at the minute a page arrives, so the player can answer it. */
  private stopsAtPage(): boolean {
    return this.view.settings.autoPause && this.view.phase === 'playing' && !this.demo;
  }

  private advanceUntilPaged(minutes: number): SimEvent[] {
    const events: SimEvent[] = [];
    for (let i = 0; i < minutes && this.sim; i++) {
      const step = this.sim.advance(1);
      events.push(...step);
      if (step.some((e) => e.type === 'paged')) break;
    }
    return events;
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
    if (!this.demo) return;
    this.demo = null;
    this.view = { ...this.view, demo: false };
    this.emit();
  }

  /** The demo bot plays through the same timeline runner as the headless bots. */
  private advanceDemo(minutes: number): SimEvent[] {
    const sim = this.sim;
    if (!sim || !this.demo) return [];
    const from = eventCount(sim.snapshot());
    this.demo.advanceTo(sim.snapshot().now + minutes);
    return eventsSince(sim.snapshot(), from);
  }

  /** Brings the ghost timeline up to the player's minute and notes silent successes as their minute passes. */
  private follow(): void {
    const snap = this.sim?.snapshot();
    if (!snap || !this.ghostTimeline) return;
    const { view, justPrevented } = this.ghostTimeline.follow(snap);
    this.view = {
      ...this.view,
      ghost: view,
      silent: view.report,
      justPrevented: [...this.view.justPrevented, ...justPrevented],
    };
  }

  private sample(): void {
    const snap = this.sim?.snapshot();
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
    return this.ghostTimeline?.incidentStarts() ?? [];
  }
}

/** The guided first fire: the service that most others depend on, failing in one of its own known ways. */
export function guidedFireCommand(snap: Snapshot): Command {
  const dependents = (id: string) => snap.serviceOrder.filter((o) => snap.services[o]?.dependsOn.includes(id)).length;
  const service = [...snap.serviceOrder].sort((a, b) => dependents(b) - dependents(a))[0] ?? '';
  const kind = Object.values(snap.conditions).find((c) => c.service === service)?.kind ?? 'capacity';
  return { type: 'injectIncident', service, kind };
}
