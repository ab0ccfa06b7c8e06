import { expect, test } from '@playwright/test';
import { device, openConsole, RoomServer, roomsPort, serveForSpec, setUpTables, sit } from './roomServer';

/**
 * A team's game day through the room server: the facilitator loads the team's own scenario file (with the
 * template's comments still in it) in the console, sets a table up on it, sees the scenario's scheduled fire
 * listed as scheduled, and the fire starts at the table at its minute, on the service and weakness it names.
 */
const server = new RoomServer(roomsPort(4));
const ORIGIN = server.origin;

serveForSpec(server);

const ourScenario = `// Our tracker, for the game day
{
  "schemaVersion": 2,
  "id": "tracker-team",
  "name": "Tracker team",
  "teams": [
    { "id": "t", "name": "Trackers", "color": "#336699",
      "members": [{ "id": "a", "name": "Ann" }, { "id": "b", "name": "Bo" }, { "id": "c", "name": "Cy" }] }
  ],
  "services": [
    { "id": "pg", "name": "Postgres", "team": "t", "customerWeight": 0.3, "conditions": [{ "kind": "capacity" }] },
    { "id": "tracker", "name": "Tracker", "team": "t", "customerWeight": 0.6, "dependsOn": ["pg"],
      "conditions": [{ "kind": "deploy" }] }
  ],
  /* the drill: Postgres runs out of room on Monday at three in the morning */
  "fires": [{ "day": 1, "time": "03:00", "service": "pg", "kind": "capacity" }]
}
`;

test('a game day on the team’s own scenario in rooms: loaded in the console, its scheduled fire listed and started at its minute', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: desk } = await device(browser);
  await openConsole(desk, ORIGIN);
  await desk.getByLabel('Your scenario file').setInputFiles({
    name: 'tracker.jsonc',
    mimeType: 'application/json',
    buffer: Buffer.from(ourScenario),
  });
  await expect(desk.getByTestId('rooms-setup')).toContainText('File: tracker.jsonc');
  await expect(desk.locator('#setup-scenario')).toHaveValue('file');
  const [code] = await setUpTables(desk, { names: 'Trackers', count: 1, seed: 5, weeks: 1, autoPause: false });

  // The console lists the scenario's fire to come, as scheduled (not as set by the facilitator).
  const upcoming = desk.getByTestId('rooms-upcoming');
  await expect(upcoming).toContainText('03:00');
  await expect(upcoming).toContainText('Postgres (capacity)');
  await expect(upcoming.locator('.source')).toHaveText(['scheduled']);

  const { page: ops } = await device(browser);
  await sit(ops, ORIGIN, code ?? '', 'Ann', 'ops');
  expect(await ops.evaluate(() => window.__firepants?.snapshot()?.scenarioId)).toBe('tracker-team');
  await ops.getByRole('button', { name: '8×' }).click();
  await desk.getByRole('button', { name: 'Start every table' }).click();

  // At 03:00 on Monday (minute 180) Postgres gives way at its capacity limit, at the table, by the scenario.
  await expect
    .poll(
      () =>
        ops.evaluate(() =>
          Object.values(window.__firepants?.snapshot()?.incidents ?? {}).map((i) => ({
            service: i.service,
            kind: i.kind,
            at: i.startedAt,
          })),
        ),
      { timeout: 60_000 },
    )
    .toContainEqual({ service: 'pg', kind: 'capacity', at: 180 });
  await desk.getByRole('button', { name: 'Pause every table' }).click();
  // Once it has started it is no longer to come.
  await expect(upcoming).not.toContainText('Postgres (capacity)');
});
