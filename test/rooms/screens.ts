import { matchMaker } from '@colyseus/core';
import type { Client, Room } from 'colyseus.js';
import type { SeatRequest } from '../../src/protocol/table';
import { tableDown, tableUp } from '../../src/protocol/table';
import type { Seat } from '../../src/round/seats';
import { type InputLog, type LogEntry, replayLog, type Snapshot, stateHash } from '../../src/sim';
import { until } from './waiting';

/** A screen at a table: it keeps the log as it arrives, as a browser would, and replays it. */
export function screen(room: Room) {
  const seen = {
    log: null as InputLog | null,
    entries: [] as LogEntry[],
    minute: 0,
    refused: [] as string[],
    paused: true,
    speed: 1,
    token: null as string | null,
    seat: null as Seat | null,
    seats: [] as Seat[],
    welcomes: 0,
    hash: null as { minute: number; stateHash: string } | null,
    closed: null as string | null,
  };
  tableDown.listen(room, {
    welcome: (m) => {
      seen.welcomes++;
      seen.log = m.log;
      seen.entries = [...m.log.entries];
      seen.minute = m.log.until;
      seen.token = m.token;
      seen.seat = m.seat;
      seen.paused = m.paused;
      seen.speed = m.speed;
    },
    entries: (m) => seen.entries.push(...m.entries),
    tick: (m) => {
      seen.minute = m.minute;
    },
    control: (m) => {
      seen.paused = m.paused;
      seen.speed = m.speed;
    },
    refused: (m) => seen.refused.push(m.reason),
    seats: (m) => {
      seen.seats = m;
    },
    hash: (m) => {
      seen.hash = m;
    },
    closed: (m) => {
      seen.closed = m.reason;
    },
  });
  tableUp.to(room).hello({});
  const replayed = () => {
    if (!seen.log) throw new Error('no welcome');
    const r = replayLog({ ...seen.log, entries: seen.entries, until: seen.minute, stateHash: undefined });
    if (!r.ok) throw new Error(r.problem);
    return stateHash(r.state);
  };
  const send = tableUp.to(room);
  return { room, seen, replayed, send };
}

export type Screen = ReturnType<typeof screen>;

/** Sits at a table and waits for its welcome. */
export async function sit(sdk: Client, code: string, seat: SeatRequest): Promise<Screen> {
  const s = screen(await sdk.joinById(code, seat));
  await until(() => s.seen.log !== null, 5000, 'the welcome');
  return s;
}

/** The table as the server runs it (same process), to look at its world. */
export function serverTable(code: string) {
  const room = matchMaker.getLocalRoomById(code) as unknown as {
    session: { snapshot(): Snapshot; log(): InputLog };
    clients: unknown[];
  };
  if (!room) throw new Error(`no table ${code} here`);
  return room;
}

export const commandsOf = (entries: LogEntry[], type: string) =>
  entries.filter((e) => 'command' in e && e.command.type === type);
