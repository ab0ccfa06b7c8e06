import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { advance, startRound, teamResponds } from './helpers';

test('a full browser storage is said once, the round plays on, and Export round keeps it as a file', async ({
  page,
}) => {
  await startRound(page);
  await teamResponds(page);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  // From now on this browser refuses to keep anything, as a full disk or a private window does.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await advance(page, 1440);
  const said = () => page.evaluate(() => window.__firepants?.store.view.message ?? null);
  expect(await said()).toContain('storage is full');
  const notice = page.getByTestId('unsaved');
  await expect(notice).toContainText('Not saved in this browser');

  // Said once: a later refusal of the disk is not said again, and the round goes on meanwhile.
  await page.evaluate(() => window.__firepants?.store.say('something else'));
  const before = await page.evaluate(() => window.__firepants?.snapshot()?.now ?? 0);
  await advance(page, 2 * 1440);
  expect(await said()).toBe('something else');
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.now ?? 0)).toBeGreaterThan(before + 1440);
  await expect(notice).toBeVisible();

  // The export holds the round as it is now (the table paused to look), and imports like any round file.
  await page.evaluate(() => window.__firepants?.store.pause());
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Export round' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^firepants-.+-seed\d+-minute\d+\.json$/);
  const saved = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8'));
  expect(saved.state.now).toBe(await page.evaluate(() => window.__firepants?.snapshot()?.now));
  await page.screenshot({ path: 'test-results/storage-full.png' });
});
