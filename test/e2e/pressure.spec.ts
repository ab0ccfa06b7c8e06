import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { advance, startShortRound, teamResponds } from './helpers';

const WEEK = 7 * 1440;

async function quietRound(page: Page, weeks: number): Promise<void> {
  await startShortRound(page, weeks);
  await teamResponds(page);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  await page.evaluate(() => window.__firepants?.store.pause());
}

test('at a week boundary the round pauses for one investment, chosen by keyboard; Escape lets a week pass', async ({
  page,
}) => {
  await quietRound(page, 4);
  await advance(page, WEEK + 600); // asks for more than a week: the round stops at the boundary
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.now)).toBe(WEEK);
  const dialog = page.getByTestId('week-choice');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Week 2: one investment');
  await expect(dialog.locator('.offer')).toHaveCount(3);
  await expect(dialog.locator('.costs')).toHaveCount(3);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  await expect(page.getByTestId('offer-0')).toBeFocused();
  const scan = await new AxeBuilder({ page }).include('#week-choice').analyze();
  expect(scan.passes.length).toBeGreaterThan(3);
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('offer-1')).toBeFocused();
  const kind = await page.getByTestId('offer-1').getAttribute('data-kind');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  const chosen = await page.evaluate(() => window.__firepants?.snapshot()?.investments ?? []);
  expect(chosen.map((i) => [i.week, i.offer, i.kind])).toEqual([[2, 1, kind]]);

  await advance(page, WEEK);
  await expect(page.getByTestId('week-choice')).toContainText('Week 3: one investment');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('week-choice')).toHaveCount(0);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.investments?.length)).toBe(1);
  // The week passed with nothing chosen for the player, and the round plays on past its boundary.
  await advance(page, 60);
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.now)).toBeGreaterThanOrEqual(2 * WEEK + 60);
  await expect(page.getByTestId('week-choice')).toHaveCount(0);
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.investments?.length)).toBe(1);
});

test('a lost round ends at once and its report leads with the reason', async ({ page }) => {
  await quietRound(page, 2);
  // A round whose customers have all but stopped trusting it, resumed from its save.
  const before = await page.evaluate(() => {
    const store = window.__firepants?.store;
    const save = store?.round()?.save([], new Date().toISOString());
    if (!store || !save) throw new Error('no round');
    const copy = structuredClone(save);
    copy.state.customerTrust = 0.2;
    store.resumeFrom(copy);
    store.resume();
    return copy.state.now;
  });
  await advance(page, 30);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'lost');
  await expect(outcome).toContainText('Lost.');
  await expect(outcome).toContainText('Customers lost their trust');
  const snap = await page.evaluate(() => window.__firepants?.snapshot());
  expect(snap?.lost?.cause).toBe('trust');
  // The clock stopped at the minute it was lost, not at the 30 asked for.
  expect(snap?.lost?.at).toBe(before);
  expect(snap?.now).toBe(before + 1);
});
