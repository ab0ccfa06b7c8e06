import type { Server as HttpServer } from 'node:http';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { AUDIENCE_ROOM } from '../src/protocol/audience';
import { FACILITATOR_ROOM } from '../src/protocol/facilitator';
import { TABLE_ROOM } from '../src/protocol/table';
import { AudienceRoom } from './audienceRoom';
import { FacilitatorRoom } from './facilitatorRoom';
import { TableRoom } from './tableRoom';

/** The room server: tables, and one facilitator console guarded by a code. */
export function roomServer(facilitatorCode: string, server?: HttpServer): Server {
  const game = new Server({ greet: false, transport: new WebSocketTransport(server ? { server } : {}) });
  game.define(TABLE_ROOM, TableRoom).enableRealtimeListing();
  game.define(FACILITATOR_ROOM, FacilitatorRoom, { code: facilitatorCode });
  game.define(AUDIENCE_ROOM, AudienceRoom, { code: facilitatorCode });
  return game;
}
