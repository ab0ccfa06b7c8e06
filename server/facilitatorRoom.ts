import { type Client, matchMaker, Room } from '@colyseus/core';
import { facilitatorJoin, injectMessage, problemOf, type TableSummary, tableRef } from '../src/protocol/rooms';

/**
 * The facilitator's console over every table on this server: a live list of tables and the
 * controls to pause, resume and set fires in one or all of them. Joining takes the facilitator code.
 */
export class FacilitatorRoom extends Room {
  override maxClients = 8;
  private code = '';

  override onCreate(options: { code?: string }): void {
    this.code = String(options?.code ?? '');
    this.onMessage('pauseAll', () => this.forEach('pauseTable'));
    this.onMessage('resumeAll', () => this.forEach('resumeTable'));
    this.onMessage('pause', (client, raw) => this.one(client, raw, 'pauseTable'));
    this.onMessage('resume', (client, raw) => this.one(client, raw, 'resumeTable'));
    this.onMessage('inject', async (client, raw) => {
      const m = injectMessage.safeParse(raw);
      if (!m.success) return client.send('refused', { reason: problemOf(m.error) });
      const why = await matchMaker
        .remoteRoomCall(m.data.table, 'injectFire', [m.data.service, m.data.kind])
        .catch(() => 'no such table');
      if (why) client.send('refused', { reason: String(why) });
      this.sendTables();
    });
    this.clock.setInterval(() => this.sendTables(), 1000);
  }

  override onAuth(_client: Client, raw: unknown): boolean {
    const m = facilitatorJoin.safeParse(raw);
    if (!m.success || !this.code || m.data.code !== this.code) throw new Error('wrong facilitator code');
    return true;
  }

  override onJoin(client: Client): void {
    void this.tablesNow().then((tables) => client.send('tables', tables));
  }

  private async tablesNow(): Promise<(TableSummary & { table: string })[]> {
    const rooms = await matchMaker.query({ name: 'table' });
    return rooms.map((r) => ({ table: r.roomId, ...(r.metadata as TableSummary) }));
  }

  private sendTables(): void {
    void this.tablesNow().then((tables) => this.broadcast('tables', tables));
  }

  private async forEach(method: 'pauseTable' | 'resumeTable'): Promise<void> {
    const rooms = await matchMaker.query({ name: 'table' });
    await Promise.all(rooms.map((r) => matchMaker.remoteRoomCall(r.roomId, method, []).catch(() => undefined)));
    this.sendTables();
  }

  private async one(client: Client, raw: unknown, method: 'pauseTable' | 'resumeTable'): Promise<void> {
    const m = tableRef.safeParse(raw);
    if (!m.success) return void client.send('refused', { reason: problemOf(m.error) });
    await matchMaker
      .remoteRoomCall(m.data.table, method, [])
      .catch(() => client.send('refused', { reason: 'no such table' }));
    this.sendTables();
  }
}
