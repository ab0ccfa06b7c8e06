import type { Client, Room } from '@colyseus/core';
import type { Post } from '../src/protocol/wire';
import { cutOff } from './budget';

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

/** Sends to every client of a room (encoded once), then drops any reader that has fallen too far behind. */
export function toEveryone(room: Room): Post {
  return {
    send: (type, payload) => {
      room.broadcast(type, payload);
      for (const client of room.clients) dropIfSlow(client, room.roomName);
    },
  };
}
