import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { advance, reloadGame, startShortRound } from './helpers';

test('the report exports the table results as JSON under a name that tells tables apart', async ({ page }) => {
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  await page.locator('#table-name').fill('Table Blue');
  await page.locator('#table-name').press('Tab');
  await page.screenshot({ path: 'test-results/report-export.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export results (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^firepants-table-blue-platform-seed43-\d{8}-\d{4}\.json$/);
  const results = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const shown = await page.getByTestId('report-score').textContent();
  expect(results).toMatchObject({ kind: 'firepants-results', version: 1, table: 'Table Blue', seed: 43, weeks: 1 });
  expect(results.scenario).toEqual({ id: 'platform', name: 'Pantry Platform' });
  expect(shown).toContain(`Score ${Math.round(results.score)}`);
  expect(shown).toContain(`par ${Math.round(results.par)}`);
  expect(results.setupLink).toContain('#round=platform&v=1&seed=43&weeks=1');
  expect(results.decisions.injectIncident).toBe(1);
  expect(results.silentSuccesses).toBeLessThanOrEqual(Math.max(0, results.replayIncidents - results.incidents));
  const silent = await page.getByTestId('report-silent').textContent();
  if (results.silentSuccesses > 0) expect(silent).toContain(`${results.silentSuccesses} incident`);

  await reloadGame(page);
  const remembered = await page.evaluate(() => window.__firepants?.store.view.settings.tableName);
  expect(remembered).toBe('Table Blue');
});
