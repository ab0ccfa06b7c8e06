import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { TABLE_ROOM, type TableOptions, tableOptions } from '../src/protocol/table';
import { tableCodeFrom } from '../src/protocol/tableCode';
import { problemOf } from '../src/protocol/wire';
import { builtInScenario } from '../src/round/roundTerms';
import { parseScenarioText } from '../src/sim';
import type { RoomSettings } from './settings';
import type { TableStore } from './tableStore';

export type Opened = { ok: true; table: string; label: string } | { ok: false; reason: string };

/**
 * Where a process keeps and opens its tables: the store, the cap on open tables, and the ticket that only
 * this server's own code can show when it opens a table room (a client asking the matchmaker for a table
 * has none, and is refused).
 */
export class TableHall {
  private readonly ticket: Buffer;
  private sweeping: NodeJS.Timeout | null = null;

  constructor(
    readonly store: TableStore,
    readonly settings: RoomSettings,
    readonly processId: string,
  ) {
    this.ticket = createHmac('sha256', settings.secret).update('table ticket').digest();
  }

  ticketText(): string {
    return this.ticket.toString('base64url');
  }

  ticketFits(shown: unknown): boolean {
    if (typeof shown !== 'string') return false;
    const given = Buffer.from(shown, 'base64url');
    return given.length === this.ticket.length && timingSafeEqual(given, this.ticket);
  }

  /** Sets a table up for the facilitator: checked, kept, then opened on the least busy process. */
  async open(raw: TableOptions): Promise<Opened> {
    const read = tableOptions.safeParse(raw);
    if (!read.success) return { ok: false, reason: problemOf(read.error) };
    const options = read.data;
    let scenario = builtInScenario(options.scenario);
    if (options.scenarioText !== undefined) {
      const file = parseScenarioText(options.scenarioText);
      if (!file.ok) return { ok: false, reason: `the scenario file: ${file.problems[0]?.message ?? 'not valid'}` };
      scenario = file.scenario;
    }
    if (!scenario) return { ok: false, reason: `no built-in scenario ${options.scenario}` };
    const open = await this.store.open();
    if (open.length >= this.settings.maxTables)
      return { ok: false, reason: `${open.length} tables are open, the most this server holds: close some first` };
    const code = tableCodeFrom(randomBytes(8));
    await this.store.create({
      code,
      label: options.label || `Table ${open.length + 1}`,
      scenario,
      seed: options.seed,
      weeks: options.weeks,
      ...(options.ownership ? { ownership: options.ownership } : {}),
      demo: options.demo,
      autoPause: options.autoPause,
      audience: options.audience,
      createdAt: new Date().toISOString(),
    });
    try {
      await matchMaker.createRoom(TABLE_ROOM, { code, ticket: this.ticketText() });
    } catch (err) {
      await this.store.close(code, 'could not be opened');
      return {
        ok: false,
        reason: `the table could not be opened (${err instanceof Error ? err.message : String(err)})`,
      };
    }
    return { ok: true, table: code, label: options.label || `Table ${open.length + 1}` };
  }

  /**
   * Brings back every kept table that no process runs: at start, and (with several processes) every few
   * seconds, so the tables of a process that died come back on another.
   */
  async bringBack(): Promise<string[]> {
    const back: string[] = [];
    for (const code of await this.store.open()) {
      if (matchMaker.getLocalRoomById(code) || (await this.store.running(code))) continue;
      try {
        await matchMaker.handleCreateRoom(TABLE_ROOM, { code, ticket: this.ticketText() });
        back.push(code);
      } catch {
        // another process has it, or it cannot be read: the next sweep tries again
      }
    }
    return back;
  }

  sweepEvery(ms: number): void {
    this.sweeping = setInterval(() => void this.bringBack().catch(() => undefined), ms);
    this.sweeping.unref();
  }

  async shutdown(): Promise<void> {
    if (this.sweeping) clearInterval(this.sweeping);
    await this.store.shutdown();
  }
}
