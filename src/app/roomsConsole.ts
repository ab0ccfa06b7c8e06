import {
  AUDIENCE_ROOM,
  audienceDown,
  audienceUp,
  type SentTally,
  type Tally,
  type VoteResult,
} from '../protocol/audience';
import {
  type CreatedTable,
  FACILITATOR_ROOM,
  facilitatorDown,
  facilitatorUp,
  type PhaseTimer,
  type TableResults,
  type TableRow,
  type Venue,
} from '../protocol/facilitator';
import { PROJECTOR_ROOM, type ProjectorScreen, projectorDown } from '../protocol/projector';
import type { TableOptions } from '../protocol/table';
import type { ConditionKind } from '../sim';
import { REFUSED, retryMs } from './remoteTable';

export type {
  CreatedTable,
  PhaseTimer,
  ProjectorScreen,
  TableOptions,
  TableResults,
  TableRow,
  Tally,
  Venue,
  VoteResult,
};

/** A fire set at every table: the game minute it starts at, the tables that took it and those that could not. */
export interface FiredEverywhere {
  at: number;
  clock: string;
  tables: string[];
  refused: string[];
}

/** What the console hears from the room server. */
export interface ConsoleEvents {
  tables(rows: TableRow[]): void;
  created(tables: CreatedTable[]): void;
  tally(t: Tally): void;
  result(r: VoteResult): void;
  refused(reason: string): void;
  left(reason: string): void;
  /** The connection dropped and the console is getting back (null once it is, and has said so). */
  notice(text: string | null): void;
  venue(v: Venue): void;
  fired(f: FiredEverywhere): void;
  results(tables: TableResults[]): void;
  timer(t: PhaseTimer | null): void;
}

/** The console's line to the room server: setting tables up, every table, and the audience's vote. */
export interface ConsoleLine {
  setUp(tables: TableOptions[]): void;
  pauseAll(): void;
  resumeAll(): void;
  pause(table: string): void;
  resume(table: string): void;
  inject(table: string, service: string, kind: ConditionKind): void;
  close(table: string): void;
  /** A fire at every table at one game minute (`at`), or the first minute every table can still reach. */
  fireEverywhere(service: string, kind: ConditionKind, at?: number): void;
  /** A phase timer on the projector; no seconds clears it. */
  timer(label: string, seconds?: number): void;
  /** Every table's results come back, then every table closes. */
  endSession(): void;
  openVote(question: string, options: string[], countdown?: { seconds: number; feedTo: string | null }): void;
  closeVote(feedTo: string | null): void;
}

const reasonOf = (m: { reason?: unknown }) => String(m?.reason ?? '').slice(0, 300);

/**
 * Joins the facilitator console with the code (a wrong code is refused by the server, and guessing from one
 * address is slowed down). The client library loads only here. A dropped console (a restart of the server,
 * the venue's wifi) keeps trying to get back with the same code and says so meanwhile; the tables it set up
 * stay on its page. It gives up only when the code is refused (a server restarted without it prints a new one).
 */
export async function connectConsole(server: string, code: string, on: ConsoleEvents): Promise<ConsoleLine> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  const enter = async () => {
    const room = await client.joinOrCreate(FACILITATOR_ROOM, { code });
    facilitatorDown.listen(room, {
      tables: (rows) => on.tables(Array.isArray(rows) ? rows.slice(0, 500) : []),
      created: (m) => on.created(Array.isArray(m.tables) ? m.tables.slice(0, 100) : []),
      tally: (t) => on.tally(t),
      result: (r) => on.result(r),
      refused: (m) => on.refused(reasonOf(m)),
      venue: (v) => on.venue(v),
      fired: (f) => on.fired(f),
      results: (m) => on.results(Array.isArray(m.tables) ? m.tables.slice(0, 200) : []),
      timer: (t) => on.timer(t ?? null),
    });
    room.onLeave((closeCode) => {
      if (closeCode === 1000) on.left('the console left the room server: open it again');
      else void comeBack();
    });
    return room;
  };
  const comeBack = async () => {
    on.notice('The room server is back in a moment… the console reconnects by itself.');
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < 15 * 60_000; attempt++) {
      await new Promise((r) => setTimeout(r, retryMs(attempt)));
      try {
        desk = await enter();
        on.notice('Back: the console sees every table again.');
        return;
      } catch (err) {
        if ((err as { code?: unknown })?.code === REFUSED)
          return on.left('the room server no longer takes this code (it restarted with a new one): open it again');
      }
    }
    on.left('the console lost its connection to the room server: open it again');
  };
  let desk = await enter();
  // Whatever the console sends goes to its connection of the moment.
  const toDesk = facilitatorUp.to({ send: (type, payload) => desk.send(type, payload) });
  return {
    setUp: (tables) => toDesk.setUp({ tables }),
    pauseAll: () => toDesk.pauseAll({}),
    resumeAll: () => toDesk.resumeAll({}),
    pause: (table) => toDesk.pause({ table }),
    resume: (table) => toDesk.resume({ table }),
    inject: (table, service, kind) => toDesk.inject({ table, service, kind }),
    close: (table) => toDesk.close({ table }),
    fireEverywhere: (service, kind, at) =>
      toDesk.fireEverywhere(at === undefined ? { service, kind } : { service, kind, at }),
    timer: (label, seconds) => toDesk.timer(seconds ? { label, seconds } : { label }),
    endSession: () => toDesk.endSession({}),
    openVote: (question, options, countdown) =>
      toDesk.openVote({
        question,
        options,
        ...(countdown ? { seconds: countdown.seconds, ...(countdown.feedTo ? { table: countdown.feedTo } : {}) } : {}),
      }),
    closeVote: (feedTo) => toDesk.closeVote(feedTo ? { table: feedTo } : {}),
  };
}

/** Where a phone keeps the device token the server gave it. */
export interface DeviceToken {
  get(): string | null;
  set(token: string): void;
}

export function browserDeviceToken(): DeviceToken {
  const key = 'firepants-device';
  return {
    get: () => {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (token) => {
      try {
        window.localStorage.setItem(key, token);
      } catch {
        // storage blocked: this page keeps its vote until it is reloaded
      }
    },
  };
}

export interface AudienceEvents {
  tally(t: SentTally): void;
  result(r: VoteResult): void;
  counted(option: number): void;
  refused(reason: string): void;
  notice(text: string | null): void;
}

/** The server's reason for a phone to wait (too many new phones from its network, or too many joins). */
const waitReason = (err: unknown): string | null =>
  err instanceof Error && (err as { code?: unknown }).code === 429 ? err.message.slice(0, 300) : null;

/**
 * A phone's first join. Refused for now (the server says why), the phone says so and asks again every
 * `waitAgainMs`; any other failure (no server at this address) is the caller's to tell.
 */
async function firstEntry<T>(
  enter: () => Promise<T>,
  on: AudienceEvents,
  leaving: () => boolean,
  waitAgainMs: number,
): Promise<T> {
  for (;;) {
    try {
      const joined = await enter();
      on.notice(null);
      return joined;
    } catch (err) {
      const reason = waitReason(err);
      if (!reason || leaving()) throw err;
      on.notice(reason);
      await new Promise((r) => setTimeout(r, waitAgainMs));
    }
  }
}

/**
 * A phone's line to the audience: it sees the vote and casts (or changes) its device's one vote. The device
 * token the server gives is kept, so the vote stays this phone's across drops and restarts; a dropped phone
 * keeps trying to get back and says so meanwhile.
 */
export async function joinAudience(
  server: string,
  device: DeviceToken,
  on: AudienceEvents,
  waitAgainMs = 30_000,
): Promise<{ vote(option: number): void; leave(): void }> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  let leaving = false;
  const enter = async () => {
    const token = device.get();
    const hall = await client.joinOrCreate(AUDIENCE_ROOM, token ? { device: token } : {});
    audienceDown.listen(hall, {
      device: (m) => device.set(String(m.token).slice(0, 120)),
      vote: (t) => on.tally(t),
      result: (r) => on.result(r),
      counted: (m) => on.counted(m.option),
      refused: (m) => on.refused(reasonOf(m)),
    });
    hall.onLeave((code) => {
      if (!leaving && code !== 1000) void comeBack();
    });
    return hall;
  };
  const comeBack = async () => {
    on.notice('The room server is back in a moment… your vote is kept.');
    for (let attempt = 0; attempt < 600 && !leaving; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(3000, 500 * (attempt + 1))));
      try {
        hall = await enter();
        on.notice(null);
        return;
      } catch {
        // not back yet
      }
    }
  };
  let hall = await firstEntry(enter, on, () => leaving, waitAgainMs);
  return {
    vote: (option) => audienceUp.to(hall).vote({ option }),
    leave: () => {
      leaving = true;
      void hall.leave(true);
    },
  };
}

/**
 * The projector's line: it only listens. A dropped projector keeps trying to get back (a restart of the
 * server, the venue's wifi) and says so meanwhile.
 */
export async function watchProjector(
  server: string,
  key: string,
  on: { screen(s: ProjectorScreen): void; notice(text: string | null): void },
): Promise<void> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  const enter = async () => {
    const room = await client.joinOrCreate(PROJECTOR_ROOM, { key });
    projectorDown.listen(room, { screen: (s) => on.screen(s) });
    room.onLeave((code) => {
      if (code !== 1000) void comeBack();
    });
  };
  const comeBack = async () => {
    on.notice('The room server is back in a moment…');
    for (let attempt = 0; attempt < 900; attempt++) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        await enter();
        on.notice(null);
        return;
      } catch {
        // not back yet
      }
    }
  };
  await enter();
}
