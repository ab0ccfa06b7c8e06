import { type ChildProcess, spawn } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';

const PORT = Number(process.env.E2E_ROOMS_PORT ?? 2567 + 1000 + (Number(process.env.E2E_PORT ?? 4173) % 100));
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(PORT), FACILITATOR_CODE: 'e2e' },
    stdio: 'pipe',
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the room server did not start')), 90_000);
    server.stdout?.on('data', (d: Buffer) => {
      if (String(d).includes('Firepants rooms')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});
test.afterAll(() => {
  server.kill();
});

async function sit(page: Page, code: string, name: string, seat: string): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/?table=${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your seat').selectOption(seat);
  await page.getByRole('button', { name: 'Sit at the table' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
}

const world = (page: Page) =>
  page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return { now: s?.now ?? -1, web: s?.teams.web?.reliabilityShare ?? -1 };
  });

test('two screens sit at one table on the room server and see the same world', async ({ browser }) => {
  const ada = await (await browser.newContext()).newPage();
  const bao = await (await browser.newContext()).newPage();
  await sit(ada, '', 'Ada', 'commander');
  const code = (await ada.getByTestId('table-code').locator('strong').textContent()) ?? '';
  expect(code.length).toBeGreaterThan(3);
  await sit(bao, code, 'Bao', 'ops');

  // One decides; the other's screen shows it, from the server's log.
  await ada.evaluate(() => window.__firepants?.dispatch({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.4 }));
  await expect.poll(async () => (await world(bao)).web).toBe(0.4);

  // Time runs on the server: one resumes, both clocks move together; one pauses, both stop at the same minute.
  await bao.evaluate(() => window.__firepants?.store.resume());
  await expect.poll(async () => (await world(ada)).now, { timeout: 15_000 }).toBeGreaterThan(30);
  await ada.evaluate(() => window.__firepants?.store.pause());
  await expect(bao.locator('#app')).toHaveAttribute('data-phase', 'paused');
  await expect.poll(async () => (await world(ada)).now).toBe((await world(bao)).now);

  // A spectator's command is refused by the server with a message on their screen.
  const cy = await (await browser.newContext()).newPage();
  await sit(cy, code, 'Cy', 'spectator');
  await cy.evaluate(() => window.__firepants?.dispatch({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.1 }));
  await expect
    .poll(() => cy.evaluate(() => window.__firepants?.store.view.message ?? ''))
    .toContain('spectators watch');
  expect((await world(ada)).web).toBe(0.4);
  await ada.screenshot({ path: 'test-results/rooms-table.png' });
});

test('the console over every table pauses them all, and the audience’s vote on phones frames a demo table’s retro', async ({
  browser,
}) => {
  // The projector sits at a new demo table: a bot plays it.
  const projector = await (await browser.newContext()).newPage();
  await projector.goto(`http://127.0.0.1:${PORT}/?table=`);
  await projector.getByLabel('Your name').fill('Projector');
  await projector.getByLabel('Your seat').selectOption('spectator');
  await projector.getByLabel(/A demo table/).check();
  await projector.getByRole('button', { name: 'Sit at the table' }).click();
  await expect(projector.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  const code = (await projector.getByTestId('table-code').locator('strong').textContent()) ?? '';

  // The console: a wrong code is refused, the right one lists the tables.
  const desk = await (await browser.newContext()).newPage();
  await desk.goto(`http://127.0.0.1:${PORT}/rooms.html`);
  await desk.getByLabel(/Facilitator code/).fill('guess');
  await desk.getByRole('button', { name: 'Open the console' }).click();
  await expect(desk.getByTestId('rooms-message')).toContainText('not this server');
  await desk.getByLabel(/Facilitator code/).fill('e2e');
  await desk.getByRole('button', { name: 'Open the console' }).click();
  const demoRow = desk.getByTestId('rooms-row').filter({ hasText: code });
  await expect(demoRow).toContainText('(demo)');
  await desk.getByRole('button', { name: 'Resume every table' }).click();
  await expect(demoRow).toContainText('waiting for the audience', { timeout: 30_000 });
  await desk.getByRole('button', { name: 'Pause every table' }).click();
  await expect(projector.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // Three phones vote; the console closes the vote and feeds the winner to the demo table.
  const phones = await Promise.all([1, 2, 3].map(async () => (await browser.newContext()).newPage()));
  for (const p of phones) {
    await p.goto(`http://127.0.0.1:${PORT}/vote.html`);
    await expect(p.getByTestId('vote-waiting')).toBeVisible();
  }
  await desk.getByRole('button', { name: 'Open the vote' }).click();
  for (const [i, p] of phones.entries()) {
    await expect(p.getByTestId('vote-question')).toHaveText('Blame or blameless?');
    await p.getByRole('button', { name: i === 0 ? 'Blame' : 'Blameless', exact: true }).click();
    await expect(p.getByTestId('vote-state')).toContainText('Counted');
  }
  await expect(desk.getByTestId('rooms-tally')).toContainText('Blameless: 2');
  await desk.getByLabel('Demo table that takes the result').selectOption(code);
  await desk.getByRole('button', { name: 'Close the vote' }).click();
  await expect(desk.getByTestId('rooms-result')).toContainText('The audience chose: Blameless. The demo table frames');
  await expect(phones[1]!.getByTestId('vote-state')).toContainText('The audience chose: Blameless');
  await expect
    .poll(() =>
      projector.evaluate(() =>
        Object.values(window.__firepants?.snapshot()?.retros ?? {}).some((r) => r.framing === 'blameless'),
      ),
    )
    .toBe(true);
  await desk.screenshot({ path: 'test-results/rooms-console.png', fullPage: true });
  await phones[0]!.screenshot({ path: 'test-results/rooms-vote.png' });
});

test('at a room table each screen sees its own seat’s view: the commander the people, ops the investigation', async ({
  browser,
}) => {
  const ada = await (await browser.newContext()).newPage();
  const bao = await (await browser.newContext()).newPage();
  await sit(ada, '', 'Ada', 'commander');
  const code = (await ada.getByTestId('table-code').locator('strong').textContent()) ?? '';
  await sit(bao, code, 'Bao', 'ops');

  // The facilitator sets a fire at this table from the console.
  const desk = await (await browser.newContext()).newPage();
  await desk.goto(`http://127.0.0.1:${PORT}/rooms.html`);
  await desk.getByLabel(/Facilitator code/).fill('e2e');
  await desk.getByRole('button', { name: 'Open the console' }).click();
  await desk.getByLabel('Table to set a fire at').selectOption(code);
  await desk.getByLabel('Service to set on fire').selectOption('pantry-db');
  await desk.getByRole('button', { name: 'Set it on fire' }).click();
  await ada.evaluate(() => window.__firepants?.store.resume());
  await expect(ada.getByTestId('incident-phase')).toContainText(/paging|acknowledged|investigating/, {
    timeout: 30_000,
  });
  await ada.evaluate(() => window.__firepants?.store.pause());
  await expect(bao.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // No tabs at a room table: each screen is its seat.
  await expect(ada.getByTestId('role-tabs')).toHaveCount(0);
  await expect(ada.getByTestId('incident-people')).toBeVisible();
  await expect(ada.locator('[data-key^="step-"]')).toHaveCount(0);
  await expect(ada.locator('[data-key="mitigate-scale-up"]')).toHaveCount(0);
  await expect(bao.getByTestId('incident-people')).toHaveCount(0);
  await expect(bao.locator('[data-key="mitigate-scale-up"]')).toBeVisible();
  await ada.screenshot({ path: 'test-results/rooms-commander.png' });
  await bao.screenshot({ path: 'test-results/rooms-ops.png' });
});
