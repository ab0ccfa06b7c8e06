import { expect, test } from '@playwright/test';
import { advance, framesPass, openGame, startRound, startShortRound, teamResponds } from './helpers';

const phase = (page: import('@playwright/test').Page) => page.locator('#app');

test('Menu from the end report leads to a clean new round: no error, no failure banner', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await startShortRound(page, 1);
  await teamResponds(page);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(phase(page)).toHaveAttribute('data-phase', 'report');
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(phase(page)).toHaveAttribute('data-phase', 'menu');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(phase(page)).toHaveAttribute('data-phase', /playing|paused/);
  // The map's box changes size as the panels come back; the old floor must not answer that.
  await page.setViewportSize({ width: 1024, height: 768 });
  await advance(page, 30);
  await framesPass(page, 10);
  await expect(page.locator('#failure')).toBeHidden();
  expect(errors).toEqual([]);
});

test('a loaded scenario file is the one selected, and the round starts on it', async ({ page }) => {
  await openGame(page);
  const scenario = {
    schemaVersion: 1,
    id: 'soup-kitchen',
    name: 'Soup Kitchen',
    description: 'Two cooks and one pot.',
    teams: [
      {
        id: 't',
        name: 'Cooks',
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
    .setInputFiles({ name: 'soup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.getByText('Two cooks and one pot.')).toBeVisible();
  await expect(page.locator('#scenario option:checked')).toHaveText('Soup Kitchen');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(phase(page)).toHaveAttribute('data-phase', /playing|paused/);
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.scenarioId)).toBe('soup-kitchen');
});

test('a loaded file that reuses a built-in id is still the one the round starts on', async ({ page }) => {
  await openGame(page);
  const builtIn = await page.evaluate(() => window.__firepants?.store.scenario.id);
  const scenario = {
    schemaVersion: 1,
    id: builtIn,
    name: 'My own copy',
    teams: [{ id: 't', name: 'Cooks', color: '#336699', members: [{ id: 'a', name: 'Ann' }] }],
    services: [{ id: 's', name: 'Soup', team: 't', customerWeight: 0.5 }],
  };
  await page
    .locator('#scenario-file')
    .setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('#scenario option:checked')).toHaveText('My own copy');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.scenarioName)).toBe('My own copy');
});

test('Space pauses even right after clicking a button, instead of pressing it again', async ({ page }) => {
  await startRound(page);
  await page.getByRole('button', { name: '2×' }).click();
  await expect(page.getByRole('button', { name: '2×' })).toBeFocused();
  await page.getByRole('button', { name: '1×' }).click();
  const before = await page.evaluate(() => window.__firepants?.phase());
  await page.keyboard.press('Space');
  await expect(phase(page)).toHaveAttribute('data-phase', before === 'playing' ? 'paused' : 'playing');
  expect(await page.evaluate(() => window.__firepants?.store.view.settings.speed)).toBe(1);
  await page.keyboard.press('Space');
  await expect(phase(page)).toHaveAttribute('data-phase', before ?? '');
});

test('End round asks first, then goes to the menu, which offers to resume the saved round', async ({ page }) => {
  await startRound(page);
  // No page may pause the round on its own while this test watches pause and resume.
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  await advance(page, 120);
  await expect(phase(page)).toHaveAttribute('data-phase', 'playing');
  await page.getByRole('button', { name: 'End round' }).click();
  const ask = page.getByRole('dialog', { name: 'End this round?' });
  await expect(ask).toBeVisible();
  await expect(phase(page)).toHaveAttribute('data-phase', 'paused');
  await ask.getByRole('button', { name: 'Keep playing' }).click();
  await expect(ask).toBeHidden();
  await expect(phase(page)).toHaveAttribute('data-phase', 'playing');
  await page.getByRole('button', { name: 'End round' }).click();
  await page.getByTestId('confirm-end-round').click();
  await expect(phase(page)).toHaveAttribute('data-phase', 'menu');
  await expect(page.getByRole('button', { name: /Resume your round/ })).toBeVisible();
  await page.getByRole('button', { name: /Resume your round/ }).click();
  await expect(phase(page)).toHaveAttribute('data-phase', 'paused');
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.now)).toBeGreaterThanOrEqual(120);
});

test('taking over the demo gives the visitor the menu for a fresh round of their own', async ({ page }) => {
  await openGame(page);
  await page.getByRole('button', { name: 'Watch a demo' }).click();
  await expect(page.locator('#demo-banner')).toBeVisible();
  await advance(page, 3 * 1440);
  await page.keyboard.press('x');
  await expect(page.locator('#demo-banner')).toBeHidden();
  await expect(phase(page)).toHaveAttribute('data-phase', 'menu');
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start the round' }).click();
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.now)).toBeLessThan(60);
});

test('the failure banner names what went wrong and can be put away', async ({ page }) => {
  await openGame(page);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('the kettle boiled over');
    }, 0);
  });
  const banner = page.locator('#failure');
  await expect(banner).toContainText('the kettle boiled over');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await expect(page.getByRole('button', { name: 'Start the round' })).toBeVisible();
});
