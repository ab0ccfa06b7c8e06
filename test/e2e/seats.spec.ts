import { expect, test } from '@playwright/test';
import { advance, fireAndWaitForPage, openGame, reloadGame } from './helpers';

test('players named at setup take roles, swap them, and each decision is credited to the player in the role', async ({
  page,
}) => {
  await openGame(page);
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
  await page.getByTestId('role-tabs').getByRole('tab', { name: 'Comms · Sam' }).click();
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

test('with roles on, each role has its own view: the clues stay on ops, the people and timeline on the commander, customers on comms', async ({
  page,
}) => {
  await openGame(page);
  await page.evaluate(() =>
    localStorage.setItem(
      'firepants.settings.v1',
      JSON.stringify({
        seats: [
          { player: 'Priya', role: 'commander' },
          { player: 'Sam', role: 'ops' },
          { player: 'Lee', role: 'comms' },
        ],
      }),
    ),
  );
  await reloadGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  const tabs = page.getByTestId('role-tabs');
  await expect(tabs.getByRole('tab')).toHaveText(['Incident commander · Priya', 'Ops · Sam', 'Comms · Lee']);

  // The page is answered, then ops runs a step until a clue comes back.
  await page
    .getByRole('button', { name: /Acknowledge/ })
    .first()
    .click();
  await advance(page, 2);
  await tabs.getByRole('tab', { name: /Ops/ }).click();
  const step = page.locator('[data-key="step-dashboards"]');
  await expect(step).toBeEnabled();
  await step.click();
  await advance(page, 20);
  const clue = page.getByTestId('clue').first();
  await expect(clue).toBeVisible();
  const clueText = ((await clue.textContent()) ?? '').slice(0, 30);
  await expect(page.getByTestId('incident-people')).toHaveCount(0);

  // The commander's view: people and the timeline, no clue, no fix buttons; the feed says only that a clue came back.
  await tabs.getByRole('tab', { name: /Incident commander/ }).click();
  await expect(page.getByTestId('incident-people')).toBeVisible();
  await expect(page.getByTestId('incident-timeline')).toContainText('brought a clue back to ops');
  await expect(page.getByTestId('clue')).toHaveCount(0);
  await expect(page.getByTestId('hint')).toHaveCount(0);
  await expect(page.locator('[data-key="mitigate-restart"]')).toHaveCount(0);
  await expect(page.locator('#incident-panel')).not.toContainText(clueText);
  await expect(page.getByTestId('feed')).not.toContainText(clueText);
  await expect(page.getByTestId('next-step')).toContainText('Ops has the clues');

  // Comms: what customers say and the status button.
  await tabs.getByRole('tab', { name: /Comms/ }).click();
  await expect(page.getByTestId('customer-voices')).toContainText('What customers say');
  await expect(page.getByTestId('clue')).toHaveCount(0);
  await page.locator('[data-key="status"]').click();

  // Every decision was credited to the player in its role.
  const credited = await page.evaluate(
    (incident) =>
      (window.__firepants?.store.round()?.entries ?? [])
        .filter((e) => 'command' in e && (e.command as { incident?: string }).incident === incident)
        .map((e) => ('command' in e ? `${e.command.type}:${e.seat?.player}/${e.seat?.role}` : '')),
    id,
  );
  // Answering the pager belongs to the whole table (the person paged answers): it is credited to nobody.
  expect(credited).toEqual(['acknowledge:undefined/undefined', 'investigate:Sam/ops', 'postStatus:Lee/comms']);
  await page.screenshot({ path: 'test-results/roles-comms.png' });
});
