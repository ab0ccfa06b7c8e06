import { DEMO_SPEED, RoundClock } from '../round/roundClock';
import { RoundSession, type RoundSetup } from '../round/roundSession';
import type { SaveFile } from '../round/save/save';
import { minutesToBoundary, weekChoiceDue } from '../round/weekChoice';
import { type Command, type Credit, type InputSource, isWorldInput, type SimEvent } from '../sim';
import type { Dispatched, DriverHooks, RoundDriver } from './roundDriver';
import { removeText, SAVE_KEY, storeText } from './storage';

/** Said once a round when this browser cannot keep it. */
export const STORAGE_FULL =
  "This browser's storage is full, so the round is not being saved here. Play on; Export round (side panel) keeps it as a file.";

/**
 * A round played at this screen: the world runs here, real time moves it on, every decision is judged
 * at once, and the round is kept in this browser as it goes.
 */
export class LocalRound implements RoundDriver {
  readonly table = null;
  private readonly clock = new RoundClock();
  private storageFull = false;

  private constructor(
    readonly session: RoundSession,
    private readonly hooks: DriverHooks,
  ) {}

  static start(setup: RoundSetup, hooks: DriverHooks): LocalRound {
    return new LocalRound(RoundSession.start(setup), hooks);
  }

  /** A saved round, picked up where it was left. */
  static resume(save: SaveFile, hooks: DriverHooks): LocalRound {
    return new LocalRound(RoundSession.resume(save), hooks);
  }

  get demo(): boolean {
    return this.session.demo;
  }

  dispatch(command: Command, credit?: Credit, by: InputSource = 'player'): Dispatched {
    const result = this.session.dispatch(command, by, isWorldInput(command) ? undefined : credit);
    return result.ok ? { ok: true, applied: true } : result;
  }

  pause(): void {
    this.session.control('pause');
    this.hooks.clockChanged(true);
  }

  resume(): void {
    this.session.control('resume');
    this.hooks.clockChanged(false);
  }

  setSpeed(speed: number): void {
    this.session.control('speed', speed);
  }

  frame(realMs: number, speed: number): void {
    const snap = this.session.snapshot();
    const live = snap.openIncidents.some((id) => snap.incidents[id]?.phase !== 'undetected');
    const whole = this.clock.tick(realMs, this.demo ? DEMO_SPEED : speed, live);
    if (whole > 0) this.advance(whole, true);
  }

  advance(minutes: number, stopAtPage: boolean): SimEvent[] {
    // A person's round stops at each week boundary, where the week's investment is offered.
    const demo = this.demo;
    const upTo = demo ? minutes : minutesToBoundary(this.session.snapshot(), minutes);
    const events = this.session.advance(upTo, stopAtPage && !demo);
    this.hooks.advanced(events);
    return events;
  }

  weekChoiceDue(): number | null {
    return this.demo ? null : weekChoiceDue(this.session.snapshot());
  }

  keep(history: Parameters<RoundSession['save']>[0]): void {
    if (this.demo) return;
    const kept = storeText(SAVE_KEY, JSON.stringify(this.session.save(history, new Date().toISOString())));
    if (!kept && !this.storageFull) this.hooks.said(STORAGE_FULL);
    if (kept === this.storageFull) this.hooks.kept?.(kept);
    this.storageFull = !kept;
  }

  ended(): void {
    if (!this.demo) removeText(SAVE_KEY);
  }

  leave(): void {}

  takeOver(): void {
    this.session.takeOver();
  }
}
