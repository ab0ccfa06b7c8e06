import { type Client, getMessageBytes, Protocol, type Room } from '@colyseus/core';
import type { Post } from '../src/protocol/wire';
import { cutOff } from './budget';
import { turns } from './turns';

/** The most a socket may have waiting to go out before its reader counts as too slow and is dropped. */
export const MAX_OUTGOING_BYTES = 4 * 1024 * 1024;

function waiting(client: Client): number {
  const socket = client.ref as { bufferedAmount?: number } | undefined;
  return socket?.bufferedAmount ?? 0;
}

/** Drops a client whose outgoing buffer is over the cap: a reader that does not read hurts nobody else. */
export function dropIfSlow(client: Client, room: string): boolean {
  if (waiting(client) <= MAX_OUTGOING_BYTES) return false;
  cutOff(client, room, `reads too slowly (${Math.round(waiting(client) / 1024)} kB waiting)`);
  return true;
}

/** Sends to one client unless it is too slow a reader. */
export function toClient(client: Client, room: string): Post {
  return {
    send: (type, payload) => {
      if (!dropIfSlow(client, room)) client.send(type, payload);
    },
  };
}

/**
 * The most sockets a broadcast is written to in one turn of the event loop. An audience room of 500 phones
 * takes some milliseconds to write to (a write is some 20 µs on a busy machine); in slices, a table's
 * command waiting behind it waits for one slice (half a millisecond), and more phones (a script opening
 * hundreds from one address) make the broadcast longer, not the wait. Each slice takes its turn with the
 * tables' ticks and the joins (see `turns`).
 */
export const SOCKETS_PER_TURN = 25;

interface Pending {
  bytes: Buffer;
  clients: Client[];
  next: number;
}

/** Broadcasts still being written, per room, in the order they were sent. */
const writing = new WeakMap<Room, Pending[]>();

function drain(room: Room, queue: Pending[]): void {
  let budget = SOCKETS_PER_TURN;
  while (queue.length > 0 && budget > 0) {
    const p = queue[0] as Pending;
    for (; p.next < p.clients.length && budget > 0; p.next++, budget--) {
      const client = p.clients[p.next] as Client;
      if (!dropIfSlow(client, room.roomName)) client.enqueueRaw(p.bytes);
    }
    if (p.next >= p.clients.length) queue.shift();
  }
  if (queue.length > 0) turns.run(() => drain(room, queue));
}

/**
 * Sends to every client of a room, encoded once. A room of a few screens is written to at once; a larger
 * one in slices of `SOCKETS_PER_TURN` over the next turns, each client getting the room's broadcasts in
 * order. A reader that has fallen too far behind is dropped.
 */
export function toEveryone(room: Room): Post {
  return {
    send: (type, payload) => {
      const queue = writing.get(room) ?? [];
      writing.set(room, queue);
      if (queue.length === 0 && room.clients.length <= SOCKETS_PER_TURN) {
        room.broadcast(type, payload);
        for (const client of room.clients) dropIfSlow(client, room.roomName);
        return;
      }
      queue.push({
        bytes: getMessageBytes.raw(Protocol.ROOM_DATA, type, payload),
        clients: [...room.clients],
        next: 0,
      });
      if (queue.length === 1) drain(room, queue);
    },
  };
}
