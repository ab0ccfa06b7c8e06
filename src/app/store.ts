import { Debrief } from '../round/debrief';
import { DEMO, demoScenario } from '../round/demo';
import { RoundSession } from '../round/roundSession';
import { parseSave, type SaveFile } from '../round/save/save';
import { weekChoiceDue } from '../round/weekChoice';
import type { LogEntry } from '../sim';
import { createWorld, policies, roundOver } from '../sim';
import { setAsideCorrupt } from './corruptSaves';
import type { TableLine } from './remoteTable';
import { readText, SAVE_KEY } from './storage';
import { StoreCore } from './storeCore';

export { INCIDENT_SLOWDOWN, MINUTES_PER_SECOND } from '../round/roundClock';
export { GUIDED_FIRE_AT, guidedFireCommand, type RoundSetup } from '../round/roundSession';
export type { DebriefView, StoreView } from './storeView';

/**
 * The store the screens use: the core (flow, view, the running round) plus saved rounds, the attract
 * demo, sitting at a table on a room server, the facilitator's notes and the debrief.
 */
export class GameStore extends StoreCore {
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
      weekChoice: weekChoiceDue(state),
    };
    this.weekOffered = this.view.weekChoice ?? 0;
    if (this.view.phase === 'menu') this.flow.send({ type: 'NEW_GAME' });
    this.flow.send({ type: 'START' });
    this.follow();
    this.pause();
    // A round saved as it was lost goes straight to its report.
    if (roundOver(state)) this.flow.send({ type: 'ROUND_OVER' });
    this.emit();
    return true;
  }

  /** Takes one of this week's offers and plays on. */
  chooseInvestment(offer: number): boolean {
    const week = this.view.weekChoice;
    if (week === null) return false;
    const result = this.dispatch({ type: 'chooseInvestment', week, offer });
    if (result.ok) this.closeWeekChoice();
    return result.ok;
  }

  /** Lets the week pass without an investment (nothing is chosen for the player) and plays on. */
  closeWeekChoice(): void {
    if (this.view.weekChoice === null) return;
    this.view = { ...this.view, weekChoice: null };
    this.resume();
    this.emit();
  }

  /** Sits this screen at a table on a room server: the world comes from the table's log from now on. */
  playAtTable(session: RoundSession, line: TableLine, paused: boolean): void {
    if (this.line !== line) this.line?.leave();
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
      tableSeat: line.seat,
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
}
