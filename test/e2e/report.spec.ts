import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { advance, startShortRound } from './helpers';

/** Downloads the report's Markdown and returns its text. */
async function markdown(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download the story/ }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/** Plays the rest of the round with a built-in bot making the table's decisions, the way clicks would. */
async function playAs(page: Page, bot: string): Promise<void> {
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 60 && (await page.evaluate(() => window.__firepants?.phase())) !== 'report'; i++)
    await page.evaluate((b) => window.__firepants?.playAs(b, 240), bot);
}

test('a lost round leads with the loss, its reason and what would have prevented it, on the page and in the Markdown', async ({
  page,
}) => {
  await startShortRound(page, 2);
  await page.keyboard.press('Space');
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  // Nobody answers anything: customers stop trusting the service.
  for (let i = 0; i < 15 && (await page.evaluate(() => window.__firepants?.phase())) !== 'report'; i++)
    await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const snap = await page.evaluate(() => window.__firepants?.snapshot());
  expect(snap?.lost?.cause).toBe('trust');
  const shown = `${Math.floor((snap?.customerTrust ?? 0) * 100 + 1e-9)}%`;

  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'lost');
  await expect(outcome).toContainText(/^Lost\. On Week 1 · /);
  await expect(outcome).toContainText(`Customers lost their trust (down to ${shown}`);
  await expect(page.getByTestId('loss-prevention')).toContainText('What would have prevented it');
  await expect(page.getByTestId('loss-prevention').locator('li').first()).toContainText(
    /never mitigated|no status update/,
  );
  // No green headline under a loss.
  const headline = page.getByTestId('headline');
  await expect(headline).toHaveText(/^Lost in week 1: customers stopped trusting the service/);
  await expect(headline).toHaveClass(/tone-bad/);
  expect(await headline.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(95, 211, 141)');
  // The banner comes first in the dialog, above everything else.
  const [bannerTop, headlineTop] = await Promise.all([
    outcome.evaluate((el) => el.getBoundingClientRect().top),
    headline.evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(bannerTop).toBeLessThan(headlineTop);
  await page.screenshot({ path: 'test-results/report-lost.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/report-lost-1024.png' });

  const text = await markdown(page);
  const afterTitle = text.split('\n\n')[1] ?? '';
  expect(afterTitle).toMatch(/^\*\*Lost\.\*\* Customers lost their trust/);
  expect(text.indexOf('**What would have prevented it**')).toBeLessThan(text.indexOf('## Lost in week 1'));
  // Only the week played is listed, and trust reads as the banner says.
  expect(text).toContain('## Incidents per week (1 of 2 played)');
  expect(text.split('\n').filter((l) => /^\| \d+ \| \d+ \| \d+ \|$/.test(l))).toHaveLength(1);
  expect(text).toContain(`customer trust ${shown}`);
  expect(text).not.toMatch(/made to stick/);
});

test('a table that responds well but learns nothing is told it held the line, with the numbers', async ({ page }) => {
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  await playAs(page, 'careful');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'held-the-line');
  await expect(outcome).toContainText('Held the line.');
  await expect(outcome).toContainText('closed no item on a real weakness and prevented no incident');
  const snap = await page.evaluate(() => window.__firepants?.snapshot());
  const mine = Object.values(snap?.incidents ?? {}).filter((i) => !i.prior).length;
  await expect(outcome).toContainText(`${mine} incident${mine === 1 ? '' : 's'} against the replay's`);
  const headline = page.getByTestId('headline');
  await expect(headline).toHaveText(/^Held the line: /);
  await expect(headline).toHaveClass(/tone-warn/);
  await expect(page.getByTestId('report')).toContainText('No action item was closed.');
  await expect(page.getByTestId('report-score')).toContainText('par');
  await expect(page.getByTestId('weekly-chart').locator('svg')).toBeVisible();
  await page.screenshot({ path: 'test-results/report-held-the-line.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/report-held-the-line-1024.png' });
  const text = await markdown(page);
  expect(text.split('\n\n')[1]).toMatch(/^\*\*Held the line\.\*\* /);
  expect(text).toContain('never-learning replay');
});

test('a learning table is told it learned, with what it prevented or removed', async ({ page }) => {
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  await playAs(page, 'learning-first');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'learned');
  await expect(outcome).toContainText(/The organization learned: .*(prevented|closed on real weaknesses)/);
  await expect(page.getByTestId('headline')).toHaveClass(/tone-good/);
  await expect(page.getByTestId('report-silent')).toContainText('customer-minutes saved');
  await page.screenshot({ path: 'test-results/report.png' });
});
