import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { advance, fireAndWaitForPage, openGame, waitUntilResolved } from './helpers';

/** Serious and critical findings of an accessibility scan, one line each. */
async function seriousProblems(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('#map canvas').analyze();
  expect(result.passes.length, `${screen} was scanned`).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

test('menu, setup, floor, retro and report have no serious or critical accessibility problems', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  await openGame(page);
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeVisible();
  problems.push(...(await seriousProblems(page, 'menu')));

  await page.locator('#weeks').selectOption('1');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await expect(page.getByRole('button', { name: 'Start the round' })).toBeVisible();
  problems.push(...(await seriousProblems(page, 'setup')));

  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await advance(page, 1);
  problems.push(...(await seriousProblems(page, 'floor')));

  await waitUntilResolved(page, id);
  await page.getByRole('button', { name: 'Hold a retro' }).first().click();
  await page.getByRole('button', { name: /Begin with the timeline/ }).click();
  await expect(page.getByTestId('retro-timeline')).toBeVisible();
  problems.push(...(await seriousProblems(page, 'retro')));
  await page.keyboard.press('Escape');

  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.getByRole('dialog', { name: 'End of round report' })).toBeVisible();
  problems.push(...(await seriousProblems(page, 'report')));

  expect(problems).toEqual([]);
});
