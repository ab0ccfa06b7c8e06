import { randomBytes } from 'node:crypto';
import type { Rate } from './tokenBucket';

/** How a room server runs: its secrets, where it keeps tables and votes, and the limits it enforces. */
export interface RoomSettings {
  facilitatorCode: string;
  /** Signs device tokens and the server's own table tickets; every process of one event shares it. */
  secret: string;
  /** Where tables and votes are kept on disk (the embedded default); null keeps them in Redis. */
  dataDir: string | null;
  /** Redis for several processes (presence, room listing, tables and votes); null for one process. */
  redisUrl: string | null;
  /** This process's address as phones reach it, when several processes serve one event. */
  publicAddress?: string;
  /** The server's addresses as the venue reaches them (`http://192.168.1.20:2567/`), the one to give out first. */
  venueAddresses: string[];
  /** Origins allowed besides the page's own (`http://host:port`, e.g. the other processes of the event). */
  allowedOrigins: string[];
  /** Proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** The most tables open at once. */
  maxTables: number;
  /** A table no screen has joined for this long is closed. */
  idleMinutes: number;
  /** Open connections one address may have on a process. */
  connectionsPerAddress: number;
  /** Matchmaking requests (joins) one address may make, over all the processes. */
  matchmakingPerAddress: Rate;
  /** New voting devices one address may register. */
  devicesPerAddress: Rate;
  /** Whether each kept entry is flushed to the disk itself before it is sent (slower; survives power loss). */
  fsync: boolean;
}

export function roomSettings(given: Partial<RoomSettings> & Pick<RoomSettings, 'facilitatorCode'>): RoomSettings {
  return {
    secret: randomBytes(32).toString('base64url'),
    dataDir: null,
    redisUrl: null,
    venueAddresses: [],
    allowedOrigins: [],
    trustedProxies: [],
    maxTables: 200,
    idleMinutes: 120,
    connectionsPerAddress: 500,
    matchmakingPerAddress: { perSecond: 20, burst: 60 },
    devicesPerAddress: { burst: 20, perSecond: 1 / 60 },
    fsync: false,
    ...given,
  };
}

/** Joins a second per address, and three seconds' worth at once (the default: 20 a second, 60 at once). */
const joinsPerSecond = (perSecond: number): Rate => ({ perSecond, burst: perSecond * 3 });

const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The settings a process reads from its environment (see the README's table of variables). */
export function settingsFromEnv(env: NodeJS.ProcessEnv, facilitatorCode: string, secret: string): RoomSettings {
  const base = roomSettings({ facilitatorCode, secret });
  return {
    ...base,
    dataDir: env.REDIS_URL ? null : (env.ROOMS_DATA ?? 'rooms-data'),
    redisUrl: env.REDIS_URL || null,
    ...(env.PUBLIC_ADDRESS ? { publicAddress: env.PUBLIC_ADDRESS } : {}),
    allowedOrigins: list(env.ROOMS_ORIGINS),
    trustedProxies: list(env.TRUSTED_PROXIES),
    maxTables: number(env.ROOMS_MAX_TABLES, base.maxTables),
    idleMinutes: number(env.ROOMS_IDLE_MINUTES, base.idleMinutes),
    connectionsPerAddress: number(env.ROOMS_CONNECTIONS_PER_ADDRESS, base.connectionsPerAddress),
    matchmakingPerAddress: joinsPerSecond(number(env.ROOMS_JOINS_PER_ADDRESS, base.matchmakingPerAddress.perSecond)),
    devicesPerAddress: { ...base.devicesPerAddress, burst: number(env.ROOMS_DEVICES_PER_ADDRESS, 20) },
    fsync: env.ROOMS_FSYNC === '1',
  };
}
