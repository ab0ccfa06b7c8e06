import { expect, test } from '@playwright/test';
import { advance, now, startRound } from './helpers';

test('a round survives a reload and resumes where it was left', async ({ page }) => {
  await startRound(page);
  await page.keyboard.press('Space');
  await advance(page, 2 * 1440 + 30);
  const saved = await page.evaluate(() => {
    window.__firepants?.store.saveNow();
    return window.__firepants?.snapshot()?.now ?? -1;
  });
  await page.reload();
  const resume = page.getByRole('button', { name: /Resume your round/ });
  await expect(resume).toContainText('week 1 of 4');
  await resume.click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  expect(await now(page)).toBe(saved);
});

test('a corrupt save gets a clear message, is set aside, and the game still starts', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('firepants.save', '{"saveVersion":1,"state":'));
  await page.reload();
  await expect(page.getByTestId('save-problem')).toContainText('not valid JSON');
  expect(await page.evaluate(() => localStorage.getItem('firepants.save.corrupt'))).toBe('{"saveVersion":1,"state":');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
});
