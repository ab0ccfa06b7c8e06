import { expect, test } from '@playwright/test';
import { fireAndWaitForPage } from './helpers';

test('players named at setup take roles, swap them, and each decision is credited to the player in the role', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  const seats = page.getByTestId('seats');
  for (const [i, name] of ['Priya', 'Sam', 'Lee'].entries()) {
    await seats.getByRole('button', { name: 'Add a player' }).click();
    await seats.getByLabel(`Player ${i + 1} name`).fill(name);
    await seats.getByLabel(`Player ${i + 1} name`).press('Tab');
  }
  await expect(seats.getByLabel('Player 3 role')).toHaveValue('comms');
  await page.getByRole('button', { name: 'Start the round' }).click();
  const strip = page.getByTestId('seat-strip');
  await expect(strip).toContainText('Priya: Incident commander · Sam: Ops · Lee: Comms');
  await strip.getByRole('button', { name: 'Swap roles' }).click();
  await expect(strip).toContainText('Priya: Ops · Sam: Comms · Lee: Incident commander');

  // A fire pages the on-call; comms (now Sam) posts the first status update from the panel.
  await fireAndWaitForPage(page, 'checkout');
  const status = page.locator('[data-key="status"]');
  await expect(status).toBeEnabled();
  await status.click();
  const credited = await page.evaluate(() =>
    (window.__firepants?.store.round()?.entries ?? []).filter((e) => 'command' in e && e.seat),
  );
  expect(credited).toEqual([
    expect.objectContaining({
      command: expect.objectContaining({ type: 'postStatus' }),
      seat: { player: 'Sam', role: 'comms' },
    }),
  ]);
});
