import { expect, test } from '@playwright/test';
import { advance, fireAndWaitForPage, startShortRound, waitUntilResolved } from './helpers';

test('a debrief scrubs to a minute and shows both timelines there', async ({ page }) => {
  await startShortRound(page, 1);
  const id = await fireAndWaitForPage(page, 'catalog');
  const firedAt = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.startedAt ?? -1, id);
  await page.evaluate((i) => window.__firepants?.dispatch({ type: 'acknowledge', incident: i }), id);
  await page.evaluate(() => window.__firepants?.store.resume());
  await waitUntilResolved(page, id);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');

  await page.getByRole('button', { name: /Debrief/ }).click();
  const debrief = page.getByTestId('debrief');
  await expect(debrief).toBeVisible();
  await expect(page.getByTestId('debrief-ours')).toContainText('Score');
  await expect(page.getByTestId('debrief-ghost')).toContainText('Score');

  // Scrub to the minute of the fire: it is burning here, and the clock says when.
  await page.getByTestId('debrief-minute').fill(String(firedAt + 30));
  await expect(page.getByTestId('debrief-clock')).toContainText('Week 1');
  await expect(page.getByTestId('debrief-ours')).toContainText('Burning now: Catalog');
  // The never-learning replay faced the same fire at the same minute.
  await expect(page.getByTestId('debrief-ghost')).toContainText('Burning now: Catalog');
  // Back at the start nothing has happened on either side.
  await page.getByTestId('debrief-minute').fill('0');
  await expect(page.getByTestId('debrief-ours')).toContainText('0 incidents so far');
  await expect(page.getByTestId('debrief-ghost')).toContainText('0 incidents so far');
  // The moments are marked and a click jumps there.
  await page
    .getByRole('button', { name: /fire · Catalog burned here/ })
    .first()
    .click();
  await expect(page.getByTestId('debrief-ours')).toContainText('1 incident so far');
  await page.screenshot({ path: 'test-results/debrief.png' });
  await page.getByRole('button', { name: 'Back to the report' }).click();
  await expect(page.getByTestId('report')).toContainText('What actually matters');
});
