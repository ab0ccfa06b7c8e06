import { expect, test } from '@playwright/test';
import { advance, framesPass, minutesPass, now, openGame, startRound } from './helpers';

test('a new round shows the service map, the people and a moving clock', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await startRound(page);
  await expect(page.locator('#map canvas')).toBeVisible();
  const services = await page.evaluate(() => window.__firepants?.snapshot()?.serviceOrder.length ?? 0);
  expect(services).toBeGreaterThanOrEqual(6);
  await minutesPass(page, 1);
  await expect(page.getByTestId('clock')).toContainText('Week 1');
  await page.keyboard.press('Space');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  const paused = await now(page);
  await framesPass(page, 30);
  expect(await now(page)).toBe(paused);
  await page.screenshot({ path: 'test-results/ops.png' });
  expect(errors).toEqual([]);
});

test('one frame that throws is reported once and the round keeps running', async ({ page }) => {
  await startRound(page);
  await page.evaluate(() => {
    const store = window.__firepants?.store;
    if (!store) return;
    const frame = store.frame.bind(store);
    let calls = 0;
    store.frame = (ms: number) => {
      calls += 1;
      if (calls === 2) throw new Error('a frame broke');
      frame(ms);
    };
  });
  await expect(page.locator('#failure')).toContainText('a frame broke');
  await minutesPass(page, 1);
});

test('a broken scenario file gets a clear message and loads nothing', async ({ page }) => {
  await openGame(page);
  await page.locator('#scenario-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ schemaVersion: 1, id: 'x', name: '<img src=x onerror=alert(1)>', teams: [], services: [] }),
    ),
  });
  const problems = page.getByTestId('scenario-problems');
  await expect(problems).toContainText('teams');
  await expect(page.locator('#scenario option')).toHaveCount(3);
});

test('a scenario file with a byte-order mark loads; a reserved id is refused by name', async ({ page }) => {
  await openGame(page);
  const scenario = {
    schemaVersion: 1,
    id: 'bom',
    name: 'With a mark',
    teams: [{ id: 't', name: 'T', color: '#336699', members: [{ id: 'a', name: 'Ann' }] }],
    services: [{ id: 's', name: 'Soup', team: 't', customerWeight: 0.5 }],
  };
  const file = (text: string) => ({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const reserved = { ...scenario, services: [{ ...scenario.services[0], id: 'constructor' }] };
  await page.locator('#scenario-file').setInputFiles(file(JSON.stringify(reserved)));
  await expect(page.getByTestId('scenario-problems')).toContainText('services[0].id: "constructor" is a reserved name');
  await page.locator('#scenario-file').setInputFiles(file(`\uFEFF${JSON.stringify(scenario)}`));
  await expect(page.locator('#scenario option')).toHaveCount(4);
  await expect(page.getByTestId('scenario-problems')).toHaveCount(0);
});

test('a hostile name in a scenario file shows as text and runs nothing', async ({ page }) => {
  await openGame(page);
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const scenario = {
    schemaVersion: 1,
    id: 'hostile',
    name: hostile.slice(0, 40),
    teams: [
      {
        id: 't',
        name: hostile.slice(0, 40),
        color: '#336699',
        members: [
          { id: 'a', name: 'Ann' },
          { id: 'b', name: 'Bo' },
        ],
      },
    ],
    services: [{ id: 's', name: 'Soup', team: 't', customerWeight: 0.5 }],
  };
  await page
    .locator('#scenario-file')
    .setInputFiles({ name: 'h.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('#scenario option')).toHaveCount(4);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await advance(page, 60);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img')).toHaveCount(0);
});

test('a guided first round pages the player on Monday morning and says what to do next', async ({ page }) => {
  await startRound(page);
  await page.keyboard.press('Space');
  await advance(page, 9 * 60);
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate(() => window.__firepants?.store.view.pagedIncident ?? null)) break;
    await advance(page, 1);
  }
  await expect(page.getByTestId('pager')).toBeVisible();
  await expect(page.getByTestId('next-step')).toContainText('acknowledge');
  const fire = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    const inc = s?.incidentOrder.map((id) => s.incidents[id]).find((i) => i && !i.prior);
    return { at: inc?.startedAt, injected: inc?.injected };
  });
  expect(fire).toEqual({ at: 570, injected: true });
});

test('choices in the side panel survive the live redraws, and the facilitator fire lands where chosen', async ({
  page,
}) => {
  await startRound(page);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  await page.getByText('Facilitator: inject an incident').click();
  await page.locator('#inject-service').selectOption('payments');
  await page.locator('#inject-kind').selectOption('dependency');
  await framesPass(page, 30);
  await expect(page.locator('details.facilitator')).toHaveAttribute('open', '');
  await expect(page.locator('#inject-service')).toHaveValue('payments');
  await page.getByRole('button', { name: 'Set it on fire' }).click();
  const fire = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    const inc = s?.incidents[s.incidentOrder.at(-1) ?? ''];
    return { service: inc?.service, kind: inc?.kind };
  });
  expect(fire).toEqual({ service: 'payments', kind: 'dependency' });
});

test('the HUD clock keeps step with the simulation at top speed', async ({ page }) => {
  await startRound(page);
  await expect(page.locator('#hud [data-testid="clock"]')).toHaveText(/\d\d:\d\d$/);
  await page.evaluate(() => window.__firepants?.store.setSettings({ speed: 8, autoPause: false }));
  const mismatches: string[] = [];
  for (let i = 0; i < 12; i++) {
    await framesPass(page, 4);
    const seen = await page.evaluate(() => {
      const now = window.__firepants?.snapshot()?.now ?? 0;
      const text = document.querySelector('#hud [data-testid="clock"]')?.textContent ?? '';
      const h = String(Math.floor((now % 1440) / 60)).padStart(2, '0');
      const m = String(now % 60).padStart(2, '0');
      return text.endsWith(`${h}:${m}`) ? '' : `${text} vs ${h}:${m}`;
    });
    if (seen) mismatches.push(seen);
  }
  expect(mismatches).toEqual([]);
});
