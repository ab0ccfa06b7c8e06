import type { Server as HttpServer } from 'node:http';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { AudienceRoom } from './audienceRoom';
import { FacilitatorRoom } from './facilitatorRoom';
import { TableRoom } from './tableRoom';

/** The room server: tables, and one facilitator console guarded by a code. */
export function roomServer(facilitatorCode: string, server?: HttpServer): Server {
  const game = new Server({ greet: false, transport: new WebSocketTransport(server ? { server } : {}) });
  game.define('table', TableRoom).enableRealtimeListing();
  game.define('facilitator', FacilitatorRoom, { code: facilitatorCode });
  game.define('audience', AudienceRoom, { code: facilitatorCode });
  return game;
}
