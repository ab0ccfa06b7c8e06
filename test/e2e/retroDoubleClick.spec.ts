import { expect, test } from '@playwright/test';
import { fireAndWaitForPage, startRound, waitUntilResolved } from './helpers';

const retroPhase = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return Object.values(s?.retros ?? {}).at(-1)?.phase ?? null;
  });

test('a double click on a retro step moves one step, never two', async ({ page }) => {
  await startRound(page);
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await waitUntilResolved(page, id);
  await page.locator(`[data-key="retro-${id}"]`).click();
  await expect(page.getByTestId('retro')).toBeVisible();
  await page.getByRole('button', { name: /Begin with the timeline/ }).dblclick();
  expect(await retroPhase(page)).toBe('timeline');
  await expect(page.getByTestId('retro-timeline')).toBeVisible();
  await page.getByRole('button', { name: /On to interviews/ }).dblclick();
  expect(await retroPhase(page)).toBe('interviews');
  await page.getByRole('button', { name: /Quick review/ }).dblclick();
  expect(await retroPhase(page)).toBe('framing');
  await page.getByRole('button', { name: 'Frame it blamelessly' }).dblclick();
  expect(await retroPhase(page)).toBe('factors');
  await page.getByRole('button', { name: /Choose action items/ }).dblclick();
  expect(await retroPhase(page)).toBe('actions');
});
