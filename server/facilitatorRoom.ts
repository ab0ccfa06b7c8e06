import { type AuthContext, type Client, ErrorCode, matchMaker, Room, ServerError } from '@colyseus/core';
import {
  type CreatedTable,
  facilitatorDown,
  facilitatorJoin,
  facilitatorUp,
  type TableRow,
  type TableSummary,
} from '../src/protocol/facilitator';
import { TABLE_ROOM } from '../src/protocol/table';
import { addressOf } from './addresses';
import type { AudienceHall } from './audienceRoom';
import { type Budgets, serveWithin } from './budget';
import type { FacilitatorDoor } from './facilitatorCode';
import { toClient, toEveryone } from './outbox';
import { logRefusal } from './refusals';
import type { TableHall } from './tableHall';
import { asResult, asTally, VOTE_CHANNEL, winner } from './voteBook';

const BUDGETS: Budgets<typeof facilitatorUp.schemas> = {
  setUp: { perSecond: 2, burst: 20 },
  pauseAll: { perSecond: 2, burst: 5 },
  resumeAll: { perSecond: 2, burst: 5 },
  pause: { perSecond: 10, burst: 30 },
  resume: { perSecond: 10, burst: 30 },
  inject: { perSecond: 5, burst: 20 },
  close: { perSecond: 10, burst: 50 },
  openVote: { perSecond: 1, burst: 5 },
  closeVote: { perSecond: 1, burst: 5 },
  other: { perSecond: 0.2, burst: 2 },
};

/** The door every process's console is guarded by (set when the server starts). */
let door: FacilitatorDoor | null = null;

export function guardConsoleWith(d: FacilitatorDoor): void {
  door = d;
}

/**
 * The facilitator's console over every table: it sets tables up, lists them live, pauses, resumes, sets
 * fires in and closes one or all of them, and runs the audience's vote. Joining takes the facilitator code,
 * checked before any room is made or joined; an address that keeps guessing waits longer each time.
 */
export class FacilitatorRoom extends Room {
  /** No synchronised state: the patch loop only drives the room's clock (its intervals), four times a second. */
  override patchRate = 250;
  override maxClients = 8;
  private tables!: TableHall;
  private audience!: AudienceHall;
  private shown = '';
  private readonly everyone = facilitatorDown.to(toEveryone(this));
  private readonly onVoteChange = () => {
    this.audience.book.forget();
    void this.sendVote(true);
  };

  static override async onAuth(_token: string, raw: unknown, context: AuthContext): Promise<boolean> {
    const address = addressOf(context);
    const asked = facilitatorJoin.safeParse(raw ?? {});
    const attempt = door?.attempt(address, asked.success ? asked.data.code : '') ?? {
      ok: false,
      reason: 'the console is closed',
    };
    if (attempt.ok) return true;
    logRefusal(address, 'facilitator code', attempt.reason);
    throw new ServerError(ErrorCode.AUTH_FAILED, attempt.reason);
  }

  override onCreate(options: { tables: TableHall; audience: AudienceHall }): void {
    this.tables = options.tables;
    this.audience = options.audience;
    const refuse = (client: Client, reason: string) =>
      facilitatorDown.to(toClient(client, this.roomName)).refused({ reason });
    serveWithin(
      facilitatorUp,
      this,
      BUDGETS,
      {
        setUp: (client, m) => void this.setUp(client, m.tables),
        pauseAll: () => void this.forEach('pauseTable'),
        resumeAll: () => void this.forEach('resumeTable'),
        pause: (client, m) => void this.one(client, m.table, 'pauseTable', []),
        resume: (client, m) => void this.one(client, m.table, 'resumeTable', []),
        inject: (client, m) => void this.one(client, m.table, 'injectFire', [m.service, m.kind]),
        close: (client, m) => void this.one(client, m.table, 'closeTable', ['the facilitator closed it']),
        openVote: (_client, m) => void this.audience.book.open(m.question, m.options),
        closeVote: (client, m) => void this.closeVote(client, m.table ?? null),
      },
      refuse,
    );
    void this.presence.subscribe(VOTE_CHANNEL, this.onVoteChange);
    this.clock.setInterval(() => this.sendTables(), 1000);
    this.clock.setInterval(() => void this.sendVote(false), 500);
  }

  /** The code was checked by the matchmaker already; here the console's address is noted for the log. */
  override onAuth(client: Client, _options: unknown, context: AuthContext): boolean {
    client.userData = { address: addressOf(context) };
    return true;
  }

  override onJoin(client: Client): void {
    void this.tablesNow().then((tables) => facilitatorDown.to(toClient(client, this.roomName)).tables(tables));
    this.shown = '';
  }

  override onDispose(): void {
    this.presence.unsubscribe(VOTE_CHANNEL, this.onVoteChange);
  }

  private async setUp(client: Client, tables: Parameters<TableHall['open']>[0][]): Promise<void> {
    const created: CreatedTable[] = [];
    for (const table of tables) {
      const opened = await this.tables.open(table);
      if (opened.ok) created.push({ table: opened.table, label: opened.label });
      else {
        facilitatorDown.to(toClient(client, this.roomName)).refused({ reason: opened.reason });
        break;
      }
    }
    if (created.length > 0) facilitatorDown.to(toClient(client, this.roomName)).created({ tables: created });
    this.sendTables();
  }

  private async tablesNow(): Promise<TableRow[]> {
    const rooms = await matchMaker.query({ name: TABLE_ROOM });
    return rooms
      .filter((r) => r.metadata)
      .map((r) => ({ table: r.roomId, ...(r.metadata as TableSummary) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  private sendTables(): void {
    void this.tablesNow().then((tables) => this.everyone.tables(tables));
  }

  private async forEach(method: 'pauseTable' | 'resumeTable'): Promise<void> {
    const rooms = await matchMaker.query({ name: TABLE_ROOM });
    await Promise.all(rooms.map((r) => matchMaker.remoteRoomCall(r.roomId, method, []).catch(() => undefined)));
    this.sendTables();
  }

  private async one(client: Client, table: string, method: string, args: unknown[]): Promise<void> {
    const why = await matchMaker.remoteRoomCall(table, method, args).catch(() => 'no such table');
    if (why) facilitatorDown.to(toClient(client, this.roomName)).refused({ reason: String(why) });
    this.sendTables();
  }

  private async closeVote(client: Client, table: string | null): Promise<void> {
    const closed = await this.audience.book.close(async (tally) => {
      const won = winner(tally);
      const refused = table
        ? await matchMaker
            .remoteRoomCall(table, 'audienceDecides', [won])
            .then((why) => (why ? String(why) : null))
            .catch(() => 'no such table')
        : null;
      return { winner: won, fed: table ? { table, refused } : null };
    });
    if (!closed) facilitatorDown.to(toClient(client, this.roomName)).refused({ reason: 'no vote is open' });
  }

  /** The vote's sum over every audience room, when it changed (or at once when a vote opened or closed). */
  private async sendVote(now: boolean): Promise<void> {
    if (this.clients.length === 0) return;
    const vote = await this.audience.book.tally();
    if (!vote) return;
    const shown = JSON.stringify([vote.id, vote.open, vote.counts]);
    if (!now && shown === this.shown) return;
    this.shown = shown;
    const result = asResult(vote);
    if (result) this.everyone.result(result);
    else this.everyone.tally(asTally(vote));
  }
}
