import { type ClockState, TABLE_ROOM, type TableDown, type TableOptions, tableDown, tableUp } from '../protocol/table';
import type { Seat, SeatRole } from '../round/seats';
import type { Command, InputLog, LogEntry } from '../sim';

/** What the table's server tells a screen, and what happens to the screen's connection. */
export interface TableEvents {
  welcome(log: InputLog, clock: ClockState): void;
  entries(entries: LogEntry[]): void;
  minute(minute: number): void;
  control(clock: ClockState): void;
  refused(reason: string): void;
  notice(text: string): void;
  left(reason: string): void;
}

/** A screen's line to its table: commands and clock controls go up, the log and the minutes come down. */
export interface TableLine {
  readonly tableId: string;
  readonly seat: SeatRole;
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
  seat: Seat,
  on: TableEvents,
  table: Partial<Pick<TableOptions, 'demo'>> = {},
): Promise<TableLine> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  let room = code ? await client.joinById(code, seat) : await client.create(TABLE_ROOM, { ...seat, ...table });
  let leaving = false;
  const heard: { [K in keyof TableDown]: (m: TableDown[K]) => void } = {
    welcome: (m) => on.welcome(m.log, { paused: m.paused, speed: m.speed }),
    entries: (m) => on.entries(m.entries),
    tick: (m) => on.minute(m.minute),
    control: (m) => on.control(m),
    refused: (m) => on.refused(String(m.reason).slice(0, 300)),
    seats: () => {},
    hash: () => {},
  };
  const wire = (r: typeof room) => {
    tableDown.listen(r, heard);
    r.onLeave((closeCode) => {
      if (leaving || closeCode === 1000) on.left('left the table');
      else void comeBack(r.reconnectionToken, 0);
    });
    tableUp.to(r).hello({});
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
  const send = () => tableUp.to(room);
  return {
    tableId: room.roomId,
    seat: seat.role,
    command: (command) => send().command(command),
    control: (control, value) => send().control(control === 'speed' ? { control, value: value ?? 1 } : { control }),
    leave: () => {
      leaving = true;
      void room.leave(true);
    },
  };
}
