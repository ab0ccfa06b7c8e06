import { expect, test } from '@playwright/test';
import { fireAndWaitForPage, startRound } from './helpers';

test('incident buttons ask the rules: refused ones are disabled and say why, and come back when they apply', async ({
  page,
}) => {
  await startRound(page);
  await page.keyboard.press('Space');
  await fireAndWaitForPage(page, 'pantry-db');
  const panel = page.locator('#incident-panel');
  const rollback = panel.getByRole('button', { name: 'rollback', exact: true });
  await expect(rollback).toBeDisabled();
  await expect(rollback).toHaveAccessibleDescription('Not now: acknowledge the page first');

  const handOff = panel.getByRole('button', { name: 'Hand off', exact: true });
  await expect(handOff).toBeDisabled();
  await expect(handOff).toHaveAccessibleDescription('Not now: nobody is responding yet');

  await panel.getByRole('button', { name: 'Acknowledge the page (A)' }).click();
  await expect(rollback).toBeEnabled();
  await expect(handOff).toBeEnabled();
  await expect(rollback).toHaveAccessibleDescription('rollback (key R)');

  const status = panel.getByRole('button', { name: 'Post status update' });
  await expect(status).toHaveAccessibleDescription('Keeps customers informed: protects trust');
  await status.click();
  await expect(status).toBeDisabled();
  await expect(status).toHaveAccessibleDescription(/Not now: customers heard from you just now/);

  const expert = panel.getByRole('button', { name: 'Call the expert' });
  await expert.click();
  await expect(expert).toBeDisabled();
  await expect(expert).toHaveAccessibleDescription('Not now: the expert is already on it');
  await expect(page.locator('#incident-panel [role="alert"]')).toHaveCount(0);
});
