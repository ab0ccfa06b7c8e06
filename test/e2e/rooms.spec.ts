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
    const timer = setTimeout(() => reject(new Error('the room server did not start')), 30_000);
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
