import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import { afterAll, expect, it } from 'vitest';
import { facilitatorDown, type TableRow } from '../../src/protocol/facilitator';
import { hear } from './listeners';
import { commandsOf, sit } from './screens';
import { type ServerProcess, startServer } from './serverProcess';
import { FACILITATOR_CODE, freePort, openConsole } from './stage';
import { until } from './waiting';

let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
});

it('a fire set ahead at every table survives a crash of the server and starts at its minute afterwards', async () => {
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    FACILITATOR_CODE,
    ROOMS_DATA: mkdtempSync(join(tmpdir(), 'firepants-planned-')),
  };
  server = await startServer(env);
  const url = `ws://127.0.0.1:${port}`;
  const desk = await openConsole(new Client(url));
  const [code] = await desk.setUp([{ seed: 7, weeks: 1, label: 'Ahead', autoPause: false }]);
  let fired: { at: number; tables: string[] } | null = null;
  hear(facilitatorDown, desk.room, {
    fired: (f) => {
      fired = f;
    },
  });
  desk.desk.fireEverywhere({ service: 'catalog', kind: 'capacity', at: 180 });
  await until(() => fired !== null, 5000, 'the fire set');
  expect(fired).toMatchObject({ at: 180, tables: [code] });

  await server.crash();
  server = await startServer(env);
  const back = await openConsole(new Client(url));
  let rows: TableRow[] = [];
  hear(facilitatorDown, back.room, {
    tables: (t) => {
      rows = t;
    },
  });
  await until(() => rows.some((r) => r.table === code), 15_000, 'the table back on the console');
  expect(rows.find((r) => r.table === code)?.upcoming).toContainEqual(
    expect.objectContaining({ at: 180, clock: expect.stringContaining('03:00'), source: 'facilitator' }),
  );
  const screen = await sit(new Client(url), code as string, { player: 'Ada', role: 'ops' });
  screen.send.control({ control: 'speed', value: 8 });
  screen.send.control({ control: 'resume' });
  const fires = () => commandsOf(screen.seen.entries, 'injectIncident').filter((e) => e.by === 'facilitator');
  await until(() => fires().length > 0, 60_000, 'the planned fire');
  expect(fires()).toMatchObject([{ at: 180, command: { service: 'catalog', kind: 'capacity' } }]);
  screen.send.control({ control: 'pause' });
});
