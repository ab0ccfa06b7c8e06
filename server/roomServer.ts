import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import { LocalDriver, LocalPresence, matchMaker, type Presence, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { AUDIENCE_ROOM } from '../src/protocol/audience';
import { FACILITATOR_ROOM } from '../src/protocol/facilitator';
import { PROJECTOR_ROOM } from '../src/protocol/projector';
import { TABLE_ROOM } from '../src/protocol/table';
import { type AudienceHall, audienceRoomFor } from './audienceRoom';
import { shareCoolingOver } from './budget';
import { Doorman, MAX_MESSAGE_BYTES } from './doorman';
import { FacilitatorDoor } from './facilitatorCode';
import { FacilitatorRoom, guardConsoleWith } from './facilitatorRoom';
import { FileTables } from './fileTables';
import { ProjectorRoom, projectFrom } from './projectorRoom';
import { RedisTables } from './redisTables';
import type { RoomSettings } from './settings';
import { SharedBuckets } from './sharedCaps';
import { StageState } from './stageState';
import { TableHall } from './tableHall';
import { TableRoom, type TableRoomOptions } from './tableRoom';
import { VoteBook } from './voteBook';
import { watchCountdowns } from './voteClosing';

/** One process of the room server: its rooms, where it keeps tables and votes, and the doorman in front. */
export interface RoomServer {
  game: Server;
  doorman: Doorman;
  http: HttpServer;
  tables: TableHall;
  audience: AudienceHall;
  /** Listens, then brings back every kept table no process runs. */
  listen(port: number, host?: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Rooms placed on each process in the last two seconds, which its published counts may not show yet. */
const placed = new Map<string, number[]>();

/**
 * The least busy process gets the next room: its connections, plus six for each of its rooms (a table soon
 * has its screens) and for each room placed there in the last two seconds (other processes' counts are up
 * to a second old, and a console sets up fifty tables at once).
 */
async function leastBusy(): Promise<string> {
  const now = Date.now();
  const recent = (id: string) => (placed.get(id) ?? []).filter((t) => now - t < 2000);
  const all = await matchMaker.stats.fetchAll();
  const load = (p: { processId: string; ccu: number; roomCount: number }) =>
    p.ccu + 6 * (p.roomCount + recent(p.processId).length);
  const chosen = [...all].sort((a, b) => load(a) - load(b))[0]?.processId ?? matchMaker.processId;
  placed.set(chosen, [...recent(chosen), now]);
  return chosen;
}

/**
 * The room server: tables, the facilitator console and the audience, on one HTTP server (which may also
 * serve the game's pages: pass it in). One process keeps its tables and votes on disk; several share Redis,
 * which holds the presence, the room listing, the tables and the votes, so any of them can bring back a
 * table whose process died.
 */
export function roomServer(settings: RoomSettings, http: HttpServer = createServer(), tls = false): RoomServer {
  const redis = settings.redisUrl;
  const presence: Presence = redis ? new RedisPresence(redis) : new LocalPresence();
  const consoleDoor = new FacilitatorDoor(settings.facilitatorCode, presence);
  const doorman = new Doorman(settings, tls, presence, () => matchMaker.processId, consoleDoor);
  const transport = new WebSocketTransport({
    server: http,
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: doorman.verifyClient,
  });
  const game = new Server({
    greet: false,
    gracefullyShutdown: false,
    presence,
    driver: redis ? new RedisDriver(redis) : new LocalDriver(),
    ...(settings.publicAddress ? { publicAddress: settings.publicAddress } : {}),
    selectProcessIdToCreateRoom: leastBusy,
    transport,
  });
  doorman.watchSockets(transport);
  // Only joining is open to clients: tables are set up by the console, audience rooms by the matchmaker.
  matchMaker.controller.exposedMethods = ['joinOrCreate', 'joinById', 'reconnect'];
  // The doorman has refused other origins already: the answer names the page's own, without credentials.
  Object.assign(matchMaker.controller, {
    DEFAULT_CORS_HEADERS: {
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Allow-Methods': 'OPTIONS, POST',
      'Access-Control-Max-Age': '600',
    },
    getCorsHeaders: (req: IncomingMessage): Record<string, string> => {
      const origin = req.headers.origin;
      return origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
    },
  });
  doorman.guard(http);
  if (!settings.dataDir && !redis) throw new Error('the room server needs a data folder or Redis');
  const store = redis ? new RedisTables(redis) : new FileTables(settings.dataDir as string, settings.fsync);
  const tables = new TableHall(store, settings, matchMaker.processId);
  const audience: AudienceHall = {
    book: new VoteBook(presence, settings.secret, redis ? null : settings.dataDir),
    newDevices: new SharedBuckets(presence, 'devices', settings.devicesPerAddress),
  };
  guardConsoleWith(consoleDoor);
  const stageState = new StageState(presence, settings.secret, settings.venueAddresses);
  projectFrom(stageState);
  let stopCountdowns: (() => void) | null = null;
  const stopCooling = shareCoolingOver(presence);
  game.define(TABLE_ROOM, TableRoom, { hall: tables } as TableRoomOptions);
  game.define(FACILITATOR_ROOM, FacilitatorRoom, { tables, audience, stage: stageState });
  game.define(AUDIENCE_ROOM, audienceRoomFor(audience), { hall: audience });
  game.define(PROJECTOR_ROOM, ProjectorRoom, { audience, stage: stageState });
  return {
    game,
    doorman,
    http,
    tables,
    audience,
    async listen(port, host) {
      await audience.book.reload();
      await game.listen(port, host);
      stopCountdowns = watchCountdowns(audience.book);
      const back = await tables.bringBack();
      if (redis) tables.sweepEvery(5_000);
      return back;
    },
    async stop() {
      stopCountdowns?.();
      doorman.connections.stop();
      stopCooling();
      await game.gracefullyShutdown(false);
      await tables.shutdown();
    },
  };
}
