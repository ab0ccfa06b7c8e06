import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { type RoomServer, roomServer } from '../../server/roomServer';
import { type RoomSettings, roomSettings } from '../../server/settings';
import { type CreatedTable, FACILITATOR_ROOM, facilitatorDown, facilitatorUp } from '../../src/protocol/facilitator';
import type { TableOptions } from '../../src/protocol/table';
import { hear } from './listeners';
import { until } from './waiting';

export const FACILITATOR_CODE = 'stage-door-code-42';

/** The ports the room tests may use: 2700–2789, or `ROOMS_TEST_PORTS=from-to`. */
export function testPorts(): { from: number; to: number } {
  const [from, to] = (process.env.ROOMS_TEST_PORTS ?? '2700-2789').split('-').map(Number);
  return from && to && to >= from ? { from, to } : { from: 2700, to: 2789 };
}

/** A free port among the ones the room tests may use. */
export async function freePort(): Promise<number> {
  const { from, to } = testPorts();
  for (let tries = 0; tries < 200; tries++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    const free = await new Promise<boolean>((ok) => {
      const probe = createServer();
      probe.once('error', () => ok(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export interface Stage {
  port: number;
  url: string;
  rooms: RoomServer;
  settings: RoomSettings;
  sdk: Client;
  stop(): Promise<void>;
}

/** A room server on a free port with its own data folder, and a client for it. */
export async function stage(given: Partial<RoomSettings> = {}): Promise<Stage> {
  const port = await freePort();
  const settings = roomSettings({
    facilitatorCode: FACILITATOR_CODE,
    dataDir: mkdtempSync(join(tmpdir(), 'firepants-rooms-')),
    ...given,
  });
  const rooms = roomServer(settings);
  await rooms.listen(port, '127.0.0.1');
  const url = `ws://127.0.0.1:${port}`;
  return { port, url, rooms, settings, sdk: new Client(url), stop: () => rooms.stop() };
}

/** The facilitator's console on a stage: it sets tables up and hears what the server says. */
export async function openConsole(sdk: Client, code = FACILITATOR_CODE) {
  const room = await sdk.joinOrCreate(FACILITATOR_ROOM, { code });
  const heard = { created: [] as CreatedTable[], refused: [] as string[] };
  hear(facilitatorDown, room, {
    created: (m) => heard.created.push(...m.tables),
    refused: (m) => heard.refused.push(m.reason),
  });
  const desk = facilitatorUp.to(room);
  const setUp = async (tables: TableOptions[]): Promise<string[]> => {
    const before = heard.created.length;
    const refusals = heard.refused.length;
    desk.setUp({ tables });
    await until(() => heard.created.length >= before + tables.length || heard.refused.length > refusals, 15_000);
    if (heard.refused.length > refusals) throw new Error(`set up refused: ${heard.refused.at(-1)}`);
    return heard.created.slice(before).map((t) => t.table);
  };
  return { room, desk, heard, setUp };
}

export type Console = Awaited<ReturnType<typeof openConsole>>;
export type { Room };
