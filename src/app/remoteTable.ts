import type { Command } from '../sim';
import type { InputLog, LogEntry } from '../sim/inputLog';

/** How a screen sits at a table on a room server. */
export interface TableSeat {
  name: string;
  seat: 'commander' | 'ops' | 'comms' | 'spectator';
}

/** What the table's server tells a screen. */
export interface TableEvents {
  welcome(log: InputLog, paused: boolean, speed: number): void;
  entries(entries: LogEntry[]): void;
  minute(minute: number): void;
  control(paused: boolean, speed: number): void;
  refused(reason: string): void;
  notice(text: string): void;
  left(reason: string): void;
}

/** A screen's line to its table: commands and clock controls go up, the log and the minutes come down. */
export interface TableLine {
  readonly tableId: string;
  readonly seat: TableSeat['seat'];
  command(command: Command): void;
  control(control: 'pause' | 'resume' | 'speed', value?: number): void;
  leave(): void;
}

/** The room server's address for this page: the page's own host (the room server serves the game). */
export function defaultServer(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
}

/**
 * Joins a table by its code, or opens a new one when no code is given (a demo table, played by a bot
 * whose retros the audience frames, when asked). The client library loads only now, so the
 * single-screen game never carries it.
 */
export async function joinTable(
  server: string,
  code: string,
  seat: TableSeat,
  on: TableEvents,
  table: { demo?: boolean } = {},
): Promise<TableLine> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  let room = code ? await client.joinById(code, seat) : await client.create('table', { ...seat, ...table });
  let leaving = false;
  const wire = (r: typeof room) => {
    r.onMessage('welcome', (m: { log: InputLog; paused: boolean; speed: number }) =>
      on.welcome(m.log, m.paused, m.speed),
    );
    r.onMessage('entries', (m: { entries: LogEntry[] }) => on.entries(m.entries));
    r.onMessage('tick', (m: { minute: number }) => on.minute(m.minute));
    r.onMessage('control', (m: { paused: boolean; speed: number }) => on.control(m.paused, m.speed));
    r.onMessage('refused', (m: { reason: string }) => on.refused(String(m.reason).slice(0, 300)));
    r.onMessage('seats', () => {});
    r.onMessage('hash', () => {});
    r.onLeave((closeCode) => {
      if (leaving || closeCode === 1000) on.left('left the table');
      else void comeBack(r.reconnectionToken, 0);
    });
    r.send('hello');
  };
  // A dropped connection tries to come back to the same seat for a minute; the table plays on meanwhile.
  const comeBack = async (token: string, attempt: number): Promise<void> => {
    if (attempt >= 20) return on.left('lost the connection to the table');
    if (attempt === 0) on.notice('The connection to the table dropped; getting back to your seat…');
    try {
      room = await client.reconnect(token);
      wire(room);
      on.notice('Back at the table.');
    } catch {
      await new Promise((r) => setTimeout(r, 3000));
      return comeBack(token, attempt + 1);
    }
  };
  wire(room);
  return {
    tableId: room.roomId,
    seat: seat.seat,
    command: (command) => room.send('command', command),
    control: (control, value) => room.send('control', value === undefined ? { control } : { control, value }),
    leave: () => {
      leaving = true;
      void room.leave(true);
    },
  };
}
