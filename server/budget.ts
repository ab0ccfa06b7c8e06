import type { Client, Presence } from '@colyseus/core';
import type { HearFrom, Schemas, Serve, Up } from '../src/protocol/wire';
import { logRefusal } from './refusals';
import { type Rate, TokenBucket } from './tokenBucket';

/** What a client may spend on one message: a rate, or once per join (a screen's `hello`). */
export type Budget = Rate | 'once';
/** A budget per message of a channel, and one for anything the channel does not carry. */
export type Budgets<S> = { readonly [K in keyof S]: Budget } & { readonly other: Rate };

/** Refusals a client may collect (one more every five seconds) before it is disconnected. */
export const STRIKES: Rate = { perSecond: 0.2, burst: 10 };

interface Ledger {
  buckets: Map<string, TokenBucket>;
  once: Set<string>;
  strikes: TokenBucket;
  gone: boolean;
}

const ledgers = new WeakMap<Client, Ledger>();

function ledgerOf(client: Client): Ledger {
  let ledger = ledgers.get(client);
  if (!ledger) {
    ledger = { buckets: new Map(), once: new Set(), strikes: new TokenBucket(STRIKES), gone: false };
    ledgers.set(client, ledger);
  }
  return ledger;
}

/** The address a room noted for a client when it joined. */
export function addressOfClient(client: Client): string {
  const address = (client.userData as { address?: unknown } | undefined)?.address;
  return typeof address === 'string' ? address : 'unknown';
}

/** Addresses recently cut off, and until when they wait: five seconds, doubling each time, two minutes at most. */
const cooling = new Map<string, { count: number; until: number; at: number }>();

/** How many seconds an address must still wait after being cut off (0 when it may come in). */
export function coolingDown(address: string, now = Date.now()): number {
  const c = cooling.get(address);
  return c && now < c.until ? Math.ceil((c.until - now) / 1000) : 0;
}

interface Cooling {
  address: string;
  count: number;
  until: number;
  at: number;
}

function noteCooling(c: Cooling): void {
  const before = cooling.get(c.address);
  if (before && before.until >= c.until) return;
  cooling.set(c.address, { count: c.count, at: c.at, until: c.until });
  if (cooling.size > 10_000) for (const [a, x] of cooling) if (x.until < c.at) cooling.delete(a);
}

const COOLING_CHANNEL = 'firepants:cooling';
let tellOthers: ((c: Cooling) => void) | null = null;

/**
 * Shares cut-offs over the presence (Redis when scaled out): an address cut off on one process waits on
 * every process. Returns what stops the sharing.
 */
export function shareCoolingOver(presence: Presence): () => void {
  const hear = (c: Cooling) => {
    if (c && typeof c.address === 'string' && Number.isFinite(c.until)) noteCooling(c);
  };
  void presence.subscribe(COOLING_CHANNEL, hear);
  tellOthers = (c) => presence.publish(COOLING_CHANNEL, c);
  return () => {
    presence.unsubscribe(COOLING_CHANNEL, hear);
    tellOthers = null;
  };
}

function coolDown(address: string, now = Date.now()): void {
  const before = cooling.get(address);
  const count = before && now - before.at < 600_000 ? before.count + 1 : 1;
  const c = { address, count, at: now, until: now + Math.min(120_000, 5000 * 2 ** (count - 1)) };
  noteCooling(c);
  tellOthers?.(c);
}

/** Sockets the server cut off itself (at the socket, before any room read their messages). */
const cutSockets = new WeakSet<object>();

/** Whether the server cut this client off (it gets no seat held for its return: it may join again). */
export function wasCutOff(client: Client): boolean {
  return ledgers.get(client)?.gone === true || (client.ref !== undefined && cutSockets.has(client.ref));
}

/** What the server needs of a raw web socket. */
export interface RawSocket {
  emit(event: string | symbol, ...args: unknown[]): boolean;
  removeAllListeners(event: string): void;
  terminate(): void;
}

/** Ends a socket at once: what it already sent is not read, and it is closed without a goodbye. */
function endSocket(socket: RawSocket): void {
  cutSockets.add(socket);
  socket.removeAllListeners('message');
  socket.terminate();
}

/**
 * Ends a client's connection at once: no more of what it already sent is read, and its room sees it
 * leave as a dropped connection.
 */
export function cutOff(client: Client, room: string, why: string): void {
  const ledger = ledgerOf(client);
  if (ledger.gone) return;
  ledger.gone = true;
  const address = addressOfClient(client);
  coolDown(address);
  logRefusal(address, room, `disconnected: ${why} (the address waits ${coolingDown(address)} s)`);
  const socket = client.ref as Partial<RawSocket> | undefined;
  if (socket?.terminate && socket.removeAllListeners) endSocket(socket as RawSocket);
  else client.leave(4008);
}

/**
 * What one socket may send up, all its messages together: well above what a screen or the console sends
 * (a table's budgets add up to under ten messages a second; a console's largest set-up is one message of
 * 256 kB). Checked on the raw frame, before the room library decodes it.
 */
export const SOCKET_MESSAGES: Rate = { perSecond: 30, burst: 120 };
export const SOCKET_BYTES: Rate = { perSecond: 1024 * 1024, burst: 4 * 1024 * 1024 };

/**
 * Puts a budget on a socket's raw messages, in front of the room library: a message over it is not decoded,
 * validated or answered; the socket is closed at once, with one log line, and its address waits before it
 * may come back. The room sees a dropped connection.
 */
export function guardSocket(socket: RawSocket, address: string): void {
  const messages = new TokenBucket(SOCKET_MESSAGES);
  const bytes = new TokenBucket(SOCKET_BYTES);
  const emit = socket.emit;
  socket.emit = function (this: RawSocket, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'message') return emit.call(this, event, ...args);
    if (cutSockets.has(socket)) return false;
    const data = args[0] as { byteLength?: number } | undefined;
    const now = Date.now();
    if (messages.take(now) && bytes.spend(data?.byteLength ?? 0, now)) return emit.call(this, event, ...args);
    coolDown(address, now);
    logRefusal(
      address,
      'web socket',
      `disconnected: sent over its budget (the address waits ${coolingDown(address)} s)`,
    );
    endSocket(socket);
    return false;
  };
}

/**
 * A room's refusals: each is said to the client and logged in one line with its address; a client
 * that keeps collecting them is disconnected.
 */
export function strike(client: Client, room: string, what: string, reason: string, tell: (reason: string) => void) {
  const ledger = ledgerOf(client);
  if (ledger.gone) return;
  logRefusal(addressOfClient(client), `${room} ${what}`, reason);
  if (!ledger.strikes.take()) {
    cutOff(client, room, 'too many refused messages');
    return;
  }
  tell(reason);
}

/**
 * Serves a channel's messages on a room within a budget per client and message: a message over its
 * budget is refused before its payload is read, and a client that keeps going is disconnected.
 */
export function serveWithin<S extends Schemas>(
  channel: Up<S>,
  room: HearFrom<Client> & { roomName: string },
  budgets: Budgets<S>,
  handlers: Serve<S, Client>,
  tell: (client: Client, reason: string) => void,
): void {
  const admit = (client: Client, type: string): boolean => {
    const ledger = ledgerOf(client);
    if (ledger.gone) return false;
    const budget = (Object.hasOwn(budgets, type) ? budgets[type as keyof S] : budgets.other) as Budget;
    if (budget === 'once') {
      if (!ledger.once.has(type)) {
        ledger.once.add(type);
        return true;
      }
    } else {
      let bucket = ledger.buckets.get(type);
      if (!bucket) {
        bucket = new TokenBucket(budget);
        ledger.buckets.set(type, bucket);
      }
      if (bucket.take()) return true;
    }
    strike(
      client,
      room.roomName,
      type,
      budget === 'once' ? `"${type}" is answered once per join` : `too many "${type}" messages`,
      (r) => tell(client, r),
    );
    return false;
  };
  const within: HearFrom<Client> = {
    onMessage: (type, handler) =>
      room.onMessage(type, (client, payload) => {
        const name = type === '*' ? String(payload).slice(0, 40) : type;
        if (admit(client, type === '*' ? '*' : name)) handler(client, payload);
      }),
  };
  channel.serve(within, handlers, (client, reason, type) =>
    strike(client, room.roomName, type, reason, (r) => tell(client, r)),
  );
}
