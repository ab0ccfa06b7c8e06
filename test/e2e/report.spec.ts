import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { advance, startShortRound } from './helpers';

test('a short round ends in a report with both columns, silent successes, charts and a Markdown story', async ({
  page,
}) => {
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const report = page.getByTestId('report');
  await expect(report).toContainText('What the dashboard says');
  await expect(report).toContainText('What actually matters');
  await expect(page.getByTestId('report-silent')).toContainText('customer-minutes saved');
  await expect(page.getByTestId('report-score')).toContainText('par');
  await expect(page.getByTestId('weekly-chart').locator('svg')).toBeVisible();
  await page.screenshot({ path: 'test-results/report.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download the story/ }).click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('# Firepants');
  expect(text).toContain('never-learning replay');
});
