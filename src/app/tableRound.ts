import type { HistoryPoint } from '../round/history';
import type { RoundSession } from '../round/roundSession';
import type { Command, LogEntry, SimEvent } from '../sim';
import type { TableLine } from './remoteTable';
import type { Dispatched, DriverHooks, RoundDriver } from './roundDriver';

/**
 * A round played at a table on a room server. The server plays the round and judges every decision; this
 * screen keeps a replica of the world from the table's log, moved on by the server's minutes. Commands and
 * clock controls go to the server, which sends back the outcome to every screen at the table.
 */
export class TableRound implements RoundDriver {
  readonly demo = false;
  /** A newer replica of the same table took over (after a reconnection): the seat stays taken. */
  private replaced = false;

  constructor(
    readonly session: RoundSession,
    private readonly line: TableLine,
    private readonly hooks: DriverHooks,
  ) {}

  get table(): { code: string; seat: string } {
    return { code: this.line.tableId, seat: this.line.seat };
  }

  /** The command goes to the table's server; a refusal comes back as a message. */
  dispatch(command: Command): Dispatched {
    this.line.command(command);
    return { ok: true, sent: true };
  }

  pause(): void {
    if (this.line.seat !== 'spectator') this.line.control('pause');
  }

  resume(): void {
    if (this.line.seat !== 'spectator') this.line.control('resume');
  }

  setSpeed(speed: number): void {
    if (this.line.seat !== 'spectator') this.line.control('speed', speed);
  }

  /** The server owns the clock: real time here moves nothing. */
  frame(): void {}

  advance(): SimEvent[] {
    return [];
  }

  /** The server's minute moved on. */
  minute(minute: number): void {
    this.hooks.advanced(this.session.advanceTo(minute));
  }

  /** Entries of the table's log arrived from the server. */
  entries(entries: LogEntry[]): void {
    this.session.receive(entries);
    this.hooks.advanced([]);
  }

  /** The server paused or resumed the table. */
  control(paused: boolean): void {
    this.hooks.clockChanged(paused);
  }

  message(text: string): void {
    this.hooks.said(text);
  }

  /** The table's investments are not offered at each screen. */
  weekChoiceDue(): number | null {
    return null;
  }

  /** The server keeps the table's round. */
  keep(_history: HistoryPoint[]): void {}

  ended(): void {}

  leave(): void {
    if (!this.replaced) this.line.leave();
  }

  /** A fresh replica of this table (the log sent again after a reconnection) takes over on the same line. */
  replace(): void {
    this.replaced = true;
  }

  takeOver(): void {}
}
