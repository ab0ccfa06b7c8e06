import type { HistoryPoint } from '../round/history';
import type { RoundSession } from '../round/roundSession';
import type { Command, CommandResult, Credit, InputSource, SimEvent } from '../sim';

/**
 * What a command came to. At one screen the world judged it at once (`applied`); at a room table it
 * went to the table's server, which judges it and sends the outcome back (`sent`).
 */
export type Dispatched = (CommandResult & { ok: false }) | { ok: true; applied: true } | { ok: true; sent: true };

/** What a driver tells the store about the round it drives. */
export interface DriverHooks {
  /** Time moved on (or entries arrived); the events are what happened meanwhile. */
  advanced(events: SimEvent[]): void;
  /** The round's clock stopped or started (for a table: the server said so). */
  clockChanged(paused: boolean): void;
  /** Something to tell the players: a refusal, a dropped connection, a full disk. */
  said(text: string): void;
  /** Whether the round could be kept where it is kept (a full browser storage cannot). */
  kept?(ok: boolean): void;
}

/**
 * The seam between the screens and a running round. The store keeps the screen flow and the view; a
 * driver keeps the round: at one screen (`LocalRound`) it plays the world here, at a room table
 * (`TableRound`) it is a replica kept in step by the table's server. The store never asks which.
 */
export interface RoundDriver {
  /** The world as this screen knows it, its log and the never-learning timeline beside it. */
  readonly session: RoundSession;
  /** A bot is playing by itself (the attract demo). */
  readonly demo: boolean;
  /** The code of the room table this screen sits at, and its seat's role; null at one screen. */
  readonly table: { code: string; seat: string } | null;
  /** A decision of the players; `by` names the facilitator when their window set a fire. */
  dispatch(command: Command, credit?: Credit, by?: InputSource): Dispatched;
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  /** Real time passed (from the frame loop); the driver turns it into simulated minutes, or waits for its server. */
  frame(realMs: number, speed: number): void;
  /** Plays on by simulated minutes where this screen owns the clock (tests and the loop); returns what happened. */
  advance(minutes: number, stopAtPage: boolean): SimEvent[];
  /** The week whose investment the players should choose now, or null. */
  weekChoiceDue(): number | null;
  /** Keeps the round so it can be resumed (a screen's own round is kept in this browser). */
  keep(history: HistoryPoint[]): void;
  /** The round ended. */
  ended(): void;
  /** The screen leaves the round (a table: the seat is given up). */
  leave(): void;
  /** Hands the round from the demo bot to a person. */
  takeOver(): void;
}
