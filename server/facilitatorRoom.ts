import { type Client, matchMaker, Room } from '@colyseus/core';
import {
  facilitatorDown,
  facilitatorJoin,
  facilitatorUp,
  type TableRow,
  type TableSummary,
} from '../src/protocol/facilitator';
import { TABLE_ROOM } from '../src/protocol/table';

/**
 * The facilitator's console over every table on this server: a live list of tables and the
 * controls to pause, resume and set fires in one or all of them. Joining takes the facilitator code.
 */
export class FacilitatorRoom extends Room {
  override maxClients = 8;
  private code = '';
  private readonly everyone = facilitatorDown.to({ send: (type, payload) => this.broadcast(type, payload) });

  override onCreate(options: { code?: string }): void {
    this.code = String(options?.code ?? '');
    facilitatorUp.serve<Client>(
      this,
      {
        pauseAll: () => void this.forEach('pauseTable'),
        resumeAll: () => void this.forEach('resumeTable'),
        pause: (client, m) => void this.one(client, m.table, 'pauseTable'),
        resume: (client, m) => void this.one(client, m.table, 'resumeTable'),
        inject: async (client, m) => {
          const why = await matchMaker
            .remoteRoomCall(m.table, 'injectFire', [m.service, m.kind])
            .catch(() => 'no such table');
          if (why) facilitatorDown.to(client).refused({ reason: String(why) });
          this.sendTables();
        },
      },
      (client, reason) => facilitatorDown.to(client).refused({ reason }),
    );
    this.clock.setInterval(() => this.sendTables(), 1000);
  }

  override onAuth(_client: Client, raw: unknown): boolean {
    const m = facilitatorJoin.safeParse(raw);
    if (!m.success || !this.code || m.data.code !== this.code) throw new Error('wrong facilitator code');
    return true;
  }

  override onJoin(client: Client): void {
    void this.tablesNow().then((tables) => facilitatorDown.to(client).tables(tables));
  }

  private async tablesNow(): Promise<TableRow[]> {
    const rooms = await matchMaker.query({ name: TABLE_ROOM });
    return rooms.map((r) => ({ table: r.roomId, ...(r.metadata as TableSummary) }));
  }

  private sendTables(): void {
    void this.tablesNow().then((tables) => this.everyone.tables(tables));
  }

  private async forEach(method: 'pauseTable' | 'resumeTable'): Promise<void> {
    const rooms = await matchMaker.query({ name: TABLE_ROOM });
    await Promise.all(rooms.map((r) => matchMaker.remoteRoomCall(r.roomId, method, []).catch(() => undefined)));
    this.sendTables();
  }

  private async one(client: Client, table: string, method: 'pauseTable' | 'resumeTable'): Promise<void> {
    await matchMaker
      .remoteRoomCall(table, method, [])
      .catch(() => facilitatorDown.to(client).refused({ reason: 'no such table' }));
    this.sendTables();
  }
}
