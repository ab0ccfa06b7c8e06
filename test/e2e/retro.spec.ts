import { expect, test } from '@playwright/test';
import { advance, fireAndWaitForPage, startRound, teamResponds, waitUntilResolved } from './helpers';

test('a retro run through the screen files an action item that later closes', async ({ page }) => {
  await startRound(page);
  await teamResponds(page);
  await page.keyboard.press('Space');
  // The facilitator's fire sets off one of Pantry DB's own weaknesses: its retro finds something real to remove.
  const id = await fireAndWaitForPage(page, 'pantry-db', 'facilitator');
  await waitUntilResolved(page, id);
  await page.locator(`[data-key="retro-${id}"]`).click();
  const retro = page.getByTestId('retro');
  await expect(retro).toBeVisible();
  await page.getByRole('button', { name: /Begin with the timeline/ }).click();
  await expect(page.getByTestId('retro-timeline')).toContainText('Paged');
  await page.screenshot({ path: 'test-results/retro-timeline.png' });
  await page.getByRole('button', { name: /On to interviews/ }).click();
  await page.getByRole('button', { name: /Deep learning review/ }).click();
  await expect(retro).toContainText('Blameless');
  await page.screenshot({ path: 'test-results/retro-framing.png' });
  await page.getByRole('button', { name: 'Frame it blamelessly' }).click();
  await expect(page.getByTestId('factor-cards')).toBeVisible();
  await page.getByRole('button', { name: /Choose action items/ }).click();
  await expect(retro).not.toContainText('nothing real to remove');
  await page.getByTestId('factor-cards').getByRole('button').first().click();
  await expect(retro).toContainText('action item filed');
  await page.screenshot({ path: 'test-results/retro-actions.png' });
  await page.getByRole('button', { name: 'Publish and share org-wide' }).click();
  await page.getByRole('button', { name: 'Back to the floor' }).click();

  const items = page.getByTestId('action-items');
  await expect(items.locator('li[data-status="open"]')).toHaveCount(1);
  await page.getByLabel('Data', { exact: true }).selectOption('0.4');
  for (let day = 0; day < 28; day++) {
    const closed = await page.evaluate(
      () =>
        Object.values(window.__firepants?.snapshot()?.actionItems ?? {}).filter((a) => a.status === 'closed').length,
    );
    if (closed > 0) break;
    await advance(page, 1440);
  }
  await expect(items.locator('li[data-status="closed"]')).toHaveCount(1);
});
