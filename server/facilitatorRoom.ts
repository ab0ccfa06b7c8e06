import { type AuthContext, type Client, ErrorCode, matchMaker, Room, ServerError } from '@colyseus/core';
import {
  type CreatedTable,
  facilitatorDown,
  facilitatorJoin,
  facilitatorUp,
  type TableResults,
  type TableRow,
  type TableSummary,
} from '../src/protocol/facilitator';
import { type ProjectedTable, projectedTable } from '../src/protocol/projector';
import { TABLE_ROOM } from '../src/protocol/table';
import { formatClock } from '../src/sim';
import { addressOf } from './addresses';
import type { AudienceHall } from './audienceRoom';
import { type Budgets, serveWithin } from './budget';
import type { FacilitatorDoor } from './facilitatorCode';
import { toClient, toEveryone } from './outbox';
import { logRefusal } from './refusals';
import type { StageState } from './stageState';
import type { TableHall } from './tableHall';
import { asResult, asTally, VOTE_CHANNEL } from './voteBook';
import { closeVoteFeeding } from './voteClosing';

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
  fireEverywhere: { perSecond: 1, burst: 5 },
  timer: { perSecond: 2, burst: 10 },
  endSession: { perSecond: 0.2, burst: 2 },
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
  private stage!: StageState;
  private shown = '';
  private readonly everyone = facilitatorDown.to(toEveryone(this));
  private readonly onVoteChange = () => {
    this.audience.book.forget();
    void this.sendVote(true);
  };

  /** The code is checked once, by the matchmaker; the console's address goes on to `onJoin` for its budget and log. */
  static override async onAuth(_token: string, raw: unknown, context: AuthContext): Promise<{ address: string }> {
    const address = addressOf(context);
    const asked = facilitatorJoin.safeParse(raw ?? {});
    const attempt = (await door?.attempt(address, asked.success ? asked.data.code : '')) ?? {
      ok: false,
      reason: 'the console is closed',
    };
    if (attempt.ok) return { address };
    logRefusal(address, 'facilitator code', attempt.reason);
    throw new ServerError(ErrorCode.AUTH_FAILED, attempt.reason);
  }

  override onCreate(options: { tables: TableHall; audience: AudienceHall; stage: StageState }): void {
    this.tables = options.tables;
    this.audience = options.audience;
    this.stage = options.stage;
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
        openVote: (_client, m) => void this.audience.book.open(m.question, m.options, m.seconds, m.table),
        closeVote: (client, m) => void this.closeVote(client, m.table ?? null),
        fireEverywhere: (client, m) => void this.fireEverywhere(client, m.service, m.kind, m.at),
        timer: (_client, m) =>
          void this.stage.setTimer(m.label || 'Time', m.seconds).then((t) => this.everyone.timer(t)),
        endSession: (client) => void this.endSession(client),
      },
      refuse,
    );
    void this.presence.subscribe(VOTE_CHANNEL, this.onVoteChange);
    this.clock.setInterval(() => this.sendTables(), 1000);
    this.clock.setInterval(() => void this.sendVote(false), 500);
  }

  override onJoin(client: Client, _options: unknown, auth: { address: string }): void {
    client.userData = { address: auth.address };
    const to = facilitatorDown.to(toClient(client, this.roomName));
    to.venue({ addresses: [...this.stage.addresses], projectorKey: this.stage.projectorKey() });
    void this.tablesNow().then((tables) => to.tables(tables));
    void this.stage.timer().then((t) => to.timer(t));
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
    if (created.length > 0) {
      await this.stage.setFinal(null);
      facilitatorDown.to(toClient(client, this.roomName)).created({ tables: created });
    }
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

  /**
   * A fire at every open table at one game minute: the one asked for, or the first that every table can still
   * reach (a second of play past the table furthest on, at its speed, rounded up to ten minutes). Each table
   * keeps the fire and starts it when its own round reaches that minute, so the tables face the same fire at
   * the same minute even when some were paused longer than others.
   */
  private async fireEverywhere(client: Client, service: string, kind: string, asked?: number): Promise<void> {
    const rooms = (await matchMaker.query({ name: TABLE_ROOM })).filter((r) => r.metadata);
    const to = facilitatorDown.to(toClient(client, this.roomName));
    if (rooms.length === 0) return to.refused({ reason: 'no table is open' });
    let at = asked;
    if (at === undefined) {
      const now = await Promise.all(
        rooms.map((r) =>
          matchMaker
            .remoteRoomCall(r.roomId, 'minuteNow', [])
            .then((m: { minute: number; speed: number; paused: boolean }) => m.minute + (m.paused ? 0 : 40 * m.speed))
            .catch(() => 0),
        ),
      );
      at = Math.ceil((Math.max(...now) + 1) / 10) * 10;
    }
    const when = at;
    const answers = await Promise.all(
      rooms.map((r) =>
        matchMaker
          .remoteRoomCall(r.roomId, 'planFire', [when, service, kind])
          .then((why) => (why ? `${(r.metadata as TableSummary).label}: ${String(why)}` : null))
          .catch(() => `${(r.metadata as TableSummary).label}: no answer`),
      ),
    );
    const refused = answers.filter((a): a is string => a !== null);
    const took = rooms.filter((_, i) => answers[i] === null).map((r) => r.roomId);
    this.everyone.fired({ at: when, clock: formatClock(when), tables: took, refused });
    this.sendTables();
  }

  /** Ends the session: each table's results (best first) go to the consoles and the projector, then every table closes. */
  private async endSession(client: Client): Promise<void> {
    const rooms = (await matchMaker.query({ name: TABLE_ROOM })).filter((r) => r.metadata);
    const origin = (this.stage.addresses[0] ?? '').replace(/\/$/, '');
    const results = (
      await Promise.all(
        rooms.map((r) =>
          matchMaker
            .remoteRoomCall(r.roomId, 'resultsFile', [origin])
            .then((f: TableResults) => f)
            .catch(() => null),
        ),
      )
    ).filter((f): f is TableResults => f !== null);
    const rows = rooms.map((r) => ({ table: r.roomId, ...(r.metadata as TableSummary) }));
    const ranked = rankRows(rows);
    const final: ProjectedTable[] = ranked.map(projectedTable);
    await this.stage.setFinal(final);
    const order = ranked.map((r) => r.table);
    results.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
    this.everyone.results({ tables: results });
    if (results.length < rooms.length)
      facilitatorDown
        .to(toClient(client, this.roomName))
        .refused({ reason: `${rooms.length - results.length} table(s) gave no results` });
    await Promise.all(
      rooms.map((r) =>
        matchMaker.remoteRoomCall(r.roomId, 'closeTable', ['the facilitator ended the session']).catch(() => null),
      ),
    );
    this.sendTables();
  }

  private async closeVote(client: Client, table: string | null): Promise<void> {
    const closed = await closeVoteFeeding(this.audience.book, table);
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

/** Best first: by score minus par, then silent successes (as the compare page ranks results files). */
export function rankRows<T extends Pick<TableSummary, 'score' | 'par' | 'silentSuccesses'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.score - b.par - (a.score - a.par) || b.silentSuccesses - a.silentSuccesses);
}
