import { expect, test } from '@playwright/test';
import { advance, now, startRound } from './helpers';

test('a new round shows the service map, the people and a moving clock', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await startRound(page);
  await expect(page.locator('#map canvas')).toBeVisible();
  const services = await page.evaluate(() => window.__firepants?.snapshot()?.serviceOrder.length ?? 0);
  expect(services).toBeGreaterThanOrEqual(6);
  const before = await now(page);
  await page.waitForTimeout(1500);
  const after = await now(page);
  expect(after).toBeGreaterThan(before);
  await expect(page.getByTestId('clock')).toContainText('Week 1');
  await page.keyboard.press('Space');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  const paused = await now(page);
  await page.waitForTimeout(600);
  expect(await now(page)).toBe(paused);
  await page.screenshot({ path: 'test-results/ops.png' });
  expect(errors).toEqual([]);
});

test('a broken scenario file gets a clear message and loads nothing', async ({ page }) => {
  await page.goto('/');
  await page.locator('#scenario-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ schemaVersion: 1, id: 'x', name: '<img src=x onerror=alert(1)>', teams: [], services: [] }),
    ),
  });
  const problems = page.getByTestId('scenario-problems');
  await expect(problems).toContainText('teams');
  await expect(page.locator('#scenario option')).toHaveCount(2);
  await advance(page, 0);
});
