import { expect, test } from '@playwright/test';
import { advance, fireAndWaitForPage, startRound } from './helpers';

test('a player handles a page from acknowledgement to recovery using only the keyboard', async ({ page }) => {
  await startRound(page);
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await expect(page.getByTestId('pager')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('a');
  await advance(page, 2);
  await expect(page.getByTestId('incident-phase')).toContainText('investigating');

  const commander = page.getByLabel('Incident commander');
  await commander.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const comms = page.getByLabel('Comms');
  await comms.focus();
  await page.keyboard.press('ArrowDown');
  const roles = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.roles ?? {}, id);
  expect(Object.keys(roles).sort()).toEqual(['commander', 'comms']);

  const status = page.getByRole('button', { name: 'Post status update' });
  await status.focus();
  await page.keyboard.press('Enter');

  // Investigate by keyboard: each step key sends the chosen responder to look; the clues come when they are done.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  const looking = () => page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.inquiries.length ?? 0, id);
  for (const key of ['y', 'd', 'l', 'b', 'n', 'x']) {
    if ((await page.locator('#incident-panel button.recommended').count()) > 0) break;
    await page.keyboard.press(key);
    for (let i = 0; i < 15 && (await looking()) > 0; i++) await advance(page, 2);
  }
  await expect(page.getByTestId('clue').first()).toBeVisible();
  const hint = (await page.getByTestId('hint').textContent()) ?? '';
  const remedy = /: ([a-z-]+) should fix it|fixed by ([a-z-]+)/.exec(hint)?.slice(1).find(Boolean);
  expect(remedy, hint).toBeTruthy();
  const button = page.getByRole('button', { name: remedy, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 30; i++) {
    const phase = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.phase, id);
    if (phase === 'resolved') break;
    await advance(page, 5);
  }
  const inc = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i], id);
  expect(inc?.phase).toBe('resolved');
  await expect(page.getByTestId('no-incident')).toBeVisible();
  await page.screenshot({ path: 'test-results/recovered.png' });
});
