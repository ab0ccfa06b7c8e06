import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { formatClock } from '../../src/sim/clock';
import { leadText, pointsText } from '../../src/sim/outcome';
import { pictureAtVenueSizes } from './helpers';
import { device, openConsole, RoomServer, roomsPort, serveForSpec, setUpTables, sit, world } from './roomServer';

/**
 * A workshop of three tables as a facilitator runs it: the console on the facilitator's laptop, the projector,
 * and three tables, each on a device of its own.
 */
const server = new RoomServer(roomsPort(1));
const ORIGIN = server.origin;

serveForSpec(server);

const TABLES = ['Blue', 'Green', 'Red'] as const;
const PLAYERS = ['Ada', 'Bao', 'Cy'] as const;

/** Where a fire at `service` started at this table after minute `since`, once it has (the game minute). */
const fireStarted = (page: Page, service: string, since: number) =>
  page.evaluate(
    ([svc, after]) => {
      const s = window.__firepants?.snapshot();
      const started = Object.values(s?.incidents ?? {})
        .filter((i) => i.service === svc && i.startedAt > after)
        .map((i) => i.startedAt);
      return started.length > 0 ? Math.min(...started) : null;
    },
    [service, since] as const,
  );

const phaseOf = (page: Page) => page.locator('#app').getAttribute('data-phase');

test('a workshop of three tables: set up in the console, joined by code, one fire at one minute everywhere, a paused talk, a restart of the server, then the ranking and the results', async ({
  browser,
}) => {
  // A budget for a busy machine (the whole session takes about a minute and a half on a quiet one).
  test.setTimeout(240_000);
  // The facilitator's laptop: the session's setup.
  const { page: desk } = await device(browser);
  desk.on('dialog', (d) => void d.accept());
  await openConsole(desk, ORIGIN);
  // The facilitator keeps the clock: no table stops by itself when its pager goes off.
  const codes = await setUpTables(desk, {
    names: TABLES.join(', '),
    scenario: 'Tiny Toast',
    seed: 7,
    weeks: 1,
    autoPause: false,
  });
  expect(codes).toHaveLength(3);
  for (const [i, code] of codes.entries()) {
    expect(code).toMatch(/^[0-9A-Y]{4}-[0-9A-Y]{4}$/);
    await expect(desk.getByTestId('rooms-created').locator('li').nth(i)).toContainText(TABLES[i] as string);
  }
  await expect(desk.getByTestId('rooms-session')).toContainText('The session: 3 tables');

  // The projector, from the console's link.
  const { page: projector } = await device(browser);
  await projector.goto((await desk.getByTestId('projector-link').getAttribute('href')) ?? '');
  await expect(projector.getByTestId('projector-tables')).toContainText('The tables now');

  // Three tables on three devices join by their code: the first types it as read aloud, the others follow the link.
  // Each table's own clock is in the test's hands, so five minutes of talk pass in a moment.
  const tables: Page[] = [];
  for (const [i, code] of codes.entries()) {
    const { page } = await device(browser);
    await page.clock.install();
    await sit(page, ORIGIN, code, PLAYERS[i] as string, 'commander', i === 0);
    await expect(page.getByTestId('table-code')).toContainText(code);
    tables.push(page);
  }
  const rowOf = (label: string) => desk.getByTestId('rooms-row').filter({ hasText: label });
  for (const label of TABLES) await expect(rowOf(label)).toContainText('Tiny Toast');

  // Every table starts at the same minute; Red is held back a while, so the tables are at different minutes.
  await desk.getByRole('button', { name: 'Start every table' }).click();
  for (const t of tables) await expect(t.locator('#app')).toHaveAttribute('data-phase', 'playing');
  await rowOf('Red').getByRole('button', { name: 'Pause' }).click();
  await expect(tables[2]!.locator('#app')).toHaveAttribute('data-phase', 'paused');
  const held = (await world(tables[2]!)).now;
  await expect.poll(async () => (await world(tables[0]!)).now, { timeout: 20_000 }).toBeGreaterThan(held + 6);
  await rowOf('Red').getByRole('button', { name: 'Resume' }).click();
  const before = await Promise.all(tables.map(async (t) => (await world(t)).now));
  expect(Math.max(...before) - Math.min(...before)).toBeGreaterThan(4);

  // One fire at every table: it starts at the same game minute at each, however far each table had got.
  await desk.getByLabel('Service to set on fire at every table').selectOption('api');
  await desk.getByLabel('Kind of failure at every table').selectOption('retry-storm');
  await desk.getByRole('button', { name: 'Set it at every table' }).click();
  const fired = desk.getByTestId('rooms-fired');
  await expect(fired).toContainText('Set at 3 tables');
  const since = Math.max(...before);
  const starts: number[] = [];
  for (const t of tables) {
    await expect.poll(() => fireStarted(t, 'api', since), { timeout: 40_000 }).not.toBeNull();
    starts.push((await fireStarted(t, 'api', since)) as number);
  }
  expect(new Set(starts).size).toBe(1);
  await expect(fired).toContainText(`it starts at ${formatClock(starts[0] as number)} game time at each`);

  // Everything stops for five minutes of talk, with the phase timer on the projector.
  await desk.getByRole('button', { name: 'Pause every table' }).click();
  for (const t of tables) await expect(t.locator('#app')).toHaveAttribute('data-phase', 'paused');
  await desk.getByLabel('Phase', { exact: true }).fill('Talk');
  await desk.getByLabel('Minutes', { exact: true }).fill('5');
  await desk.getByRole('button', { name: 'Start the timer' }).click();
  await expect(projector.getByTestId('projector-timer')).toHaveText(/^Talk: [45]:\d\d$/);
  const paused = await Promise.all(tables.map(async (t) => (await world(t)).now));
  for (const t of tables) await t.clock.fastForward('05:10');
  for (const [i, t] of tables.entries()) {
    // Nobody is sent to the menu or shown the demo: each screen is still at its table, at its minute.
    await expect(t.locator('#app')).toHaveAttribute('data-phase', 'paused');
    await expect(t.getByTestId('table-code')).toContainText(codes[i] as string);
    await expect(t.locator('#demo-banner')).toBeHidden();
    expect((await world(t)).now).toBe(paused[i]);
  }
  for (const label of TABLES) await expect(rowOf(label)).toContainText(/paused/);
  await desk.getByRole('button', { name: 'Clear it' }).click();

  // The facilitator is halfway through setting up two more tables when the room server dies.
  await desk.getByLabel('Tables', { exact: true }).fill('2');
  await desk.getByLabel('Named').fill('Late, Later');
  await desk.getByLabel('Seed', { exact: true }).fill('9');
  await desk.getByLabel('Weeks', { exact: true }).selectOption('2');

  // The room server dies mid-session and comes back: every screen says so while it waits, then gets back by itself.
  await server.crash();
  for (const t of tables)
    await expect(t.getByTestId('table-notice')).toContainText('The room server is back in a moment');
  await expect(desk.getByTestId('rooms-notice')).toContainText('back in a moment');
  await expect(projector.getByRole('status')).toContainText('back in a moment');
  await server.start();
  await expect.poll(() => server.output).toContain('Brought back 3 table(s)');
  for (const t of tables)
    await expect(t.getByTestId('table-notice')).toContainText('Back at the table', { timeout: 15_000 });
  await expect(desk.getByTestId('rooms-notice')).toContainText('Back', { timeout: 15_000 });
  // What the facilitator was typing is still there, through the notices and the redraws.
  await expect(desk.getByLabel('Tables', { exact: true })).toHaveValue('2');
  await expect(desk.getByLabel('Named')).toHaveValue('Late, Later');
  await expect(desk.getByLabel('Seed', { exact: true })).toHaveValue('9');
  await expect(desk.getByLabel('Weeks', { exact: true })).toHaveValue('2');
  await expect(projector.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
  for (const [i, t] of tables.entries()) {
    expect(await phaseOf(t)).toBe('paused');
    expect((await world(t)).now).toBe(paused[i]);
  }

  // The session plays on from the console, then ends: the tables ranked, each one's results file to take away.
  await desk.getByRole('button', { name: 'Resume every table' }).click();
  for (const [i, t] of tables.entries())
    await expect.poll(async () => (await world(t)).now, { timeout: 20_000 }).toBeGreaterThan((paused[i] ?? 0) + 3);
  await desk.getByRole('button', { name: 'Pause every table' }).click();
  for (const t of tables) await expect(t.locator('#app')).toHaveAttribute('data-phase', 'paused');
  await desk.getByRole('button', { name: /End the session/ }).click();
  const results = desk.getByTestId('rooms-result-row');
  await expect(results).toHaveCount(3);
  await expect(projector.getByTestId('projector-tables')).toContainText('Final ranking');
  await expect(desk.getByTestId('rooms-tables')).toContainText('The session is over and its tables are closed');
  const ranking = projector.getByTestId('projector-tables').locator('li');
  await expect(ranking).toHaveCount(3);
  for (const [i, row] of (await results.all()).entries()) {
    const link = row.getByTestId('results-file');
    const download = desk.waitForEvent('download');
    await link.click();
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(file).toMatchObject({ kind: 'firepants-results', scenario: { id: 'startup' }, seed: 7, weeks: 1 });
    const at = TABLES.indexOf(file.table);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(file.setupLink).toContain(`?table=${codes[at]?.replace('-', '')}`);
    // The console and the projector rank them alike, with the score as the results file gives it.
    await expect(row).toContainText(`${i + 1}${file.table}${pointsText(file.score)}`);
    await expect(ranking.nth(i)).toContainText(
      `${file.table} — ${pointsText(file.score)} (par ${pointsText(file.par)}, ${leadText(file.score - file.par)})`,
    );
  }
  await pictureAtVenueSizes(desk, 'workshop-console-results', true);
  await pictureAtVenueSizes(projector, 'workshop-projector-ranking');
  // The tables are closed: their screens are told why.
  for (const t of tables)
    await expect(t.getByRole('alert').or(t.getByRole('status')).first()).toContainText(/ended the session/);
});
