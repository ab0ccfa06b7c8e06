import { type ClockState, type TableDown, tableDown, tableUp } from '../protocol/table';
import { readTableCode } from '../protocol/tableCode';
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

/** Where a screen keeps the secret token of its seat at each table, so that it can come back to it. */
export interface SeatTokens {
  get(table: string): string | null;
  set(table: string, token: string): void;
}

/** Seat tokens in this browser's storage (nothing is kept where storage is unavailable). */
export function browserSeatTokens(): SeatTokens {
  const key = (table: string) => `firepants-seat-${table}`;
  return {
    get: (table) => {
      try {
        return window.localStorage.getItem(key(table));
      } catch {
        return null;
      }
    },
    set: (table, token) => {
      try {
        window.localStorage.setItem(key(table), token);
      } catch {
        // storage full or blocked: the seat lasts as long as the connection
      }
    },
  };
}

/** The room server's address for this page: the page's own host (the room server serves the game). */
export function defaultServer(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
}

/** Waits between tries to get back: every second for the first minute (a restart takes a few), then every three. */
export const retryMs = (attempt: number) => (attempt < 60 ? (attempt === 0 ? 250 : 1000) : 3000);
/** How long a screen keeps trying to get back before it gives up. */
const GIVE_UP_MS = 15 * 60_000;
/** The join was refused for a reason that trying again will not change (a taken seat, a bad code). */
export const REFUSED = 4215;

const problemOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200);
const codeOf = (err: unknown) => (err as { code?: unknown })?.code;

/**
 * Sits at a table by its code (any case, dashes ignored; a code that fails its check is refused here). The
 * seat's token is kept so that this screen gets its own seat back: after a dropped connection, a reload, or
 * a restart of the room server, when the screen keeps trying until the server is back and then catches up
 * from the table's log. The client library loads only now, so the single-screen game never carries it.
 */
export async function joinTable(
  server: string,
  typedCode: string,
  seat: Seat,
  on: TableEvents,
  tokens: SeatTokens,
): Promise<TableLine> {
  const read = readTableCode(typedCode);
  if (!read.ok) throw new Error(read.problem);
  const code = read.code;
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  const options = () => {
    const token = tokens.get(code);
    return token ? { ...seat, token } : { ...seat };
  };
  let room = await client.joinById(code, options());
  let leaving = false;
  let closed: string | null = null;
  /** Back after a drop: the welcome that follows says so (once the screen has caught up from it). */
  let returning = false;
  const heard: { [K in keyof TableDown]: (m: TableDown[K]) => void } = {
    welcome: (m) => {
      if (m.token) tokens.set(code, m.token);
      on.welcome(m.log, { paused: m.paused, speed: m.speed });
      if (returning) on.notice('Back at the table.');
      returning = false;
    },
    entries: (m) => on.entries(m.entries),
    tick: (m) => on.minute(m.minute),
    control: (m) => on.control(m),
    refused: (m) => on.refused(String(m.reason).slice(0, 300)),
    seats: () => {},
    hash: () => {},
    closed: (m) => {
      closed = String(m.reason).slice(0, 200);
    },
  };
  const wire = (r: typeof room) => {
    tableDown.listen(r, heard);
    r.onLeave((closeCode) => {
      if (leaving || closeCode === 1000) on.left('left the table');
      else if (closed !== null) on.left(`left the table: it is closed (${closed})`);
      else if (closeCode === 4009) on.left('left the table: your seat was opened on another screen');
      else void comeBack(r.reconnectionToken);
    });
    tableUp.to(r).hello({});
  };
  // A dropped connection tries its own session first, then its seat by token: the server may have restarted.
  const comeBack = async (reconnectionToken: string): Promise<void> => {
    on.notice('The room server is back in a moment… (reconnecting to your seat)');
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < GIVE_UP_MS && !leaving; attempt++) {
      try {
        room = attempt === 0 ? await client.reconnect(reconnectionToken) : await client.joinById(code, options());
        returning = true;
        wire(room);
        return;
      } catch (err) {
        if (attempt > 0 && codeOf(err) === REFUSED)
          return on.left(`could not get back to the table (${problemOf(err)})`);
      }
      await new Promise((r) => setTimeout(r, retryMs(attempt)));
    }
    if (!leaving) on.left('lost the connection to the table');
  };
  wire(room);
  const send = () => tableUp.to(room);
  return {
    tableId: code,
    seat: seat.role,
    command: (command) => send().command(command),
    control: (control, value) => send().control(control === 'speed' ? { control, value: value ?? 1 } : { control }),
    leave: () => {
      leaving = true;
      void room.leave(true);
    },
  };
}
