import type { Client } from '@colyseus/core';
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

function coolDown(address: string, now = Date.now()): void {
  const before = cooling.get(address);
  const count = before && now - before.at < 600_000 ? before.count + 1 : 1;
  cooling.set(address, { count, at: now, until: now + Math.min(120_000, 5000 * 2 ** (count - 1)) });
  if (cooling.size > 10_000) for (const [a, c] of cooling) if (c.until < now) cooling.delete(a);
}

/** Whether the server cut this client off (it gets no seat held for its return: it may join again). */
export function wasCutOff(client: Client): boolean {
  return ledgers.get(client)?.gone === true;
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
  const socket = client.ref as { removeAllListeners?(event: string): void; terminate?(): void } | undefined;
  socket?.removeAllListeners?.('message');
  if (socket?.terminate) socket.terminate();
  else client.leave(4008);
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
