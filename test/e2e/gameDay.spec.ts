import { expect, test } from '@playwright/test';
import { openGame } from './helpers';

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('a refused scenario file names the element by its id, and nothing starts until a good file or a choice', async ({
  page,
}) => {
  await openGame(page);
  const staff = page.getByRole('button', { name: /Staff the rotation/ });
  const scenario = {
    schemaVersion: 2,
    id: 'tracker-team',
    name: 'Tracker team',
    teams: [{ id: 't', name: 'Trackers', color: '#336699', members: [{ id: 'a', name: 'Ann' }] }],
    services: [
      { id: 'pg', name: 'Postgres', team: 't', customerWeight: 0.2 },
      { id: 'tracker', name: 'Tracker', team: 't', customerWeight: 0.5, dependsOn: ['postgres'] },
    ],
  };
  await page.locator('#scenario-file').setInputFiles(file('tracker.json', JSON.stringify(scenario)));
  await expect(page.getByTestId('scenario-problems')).toContainText(
    'services["tracker"].dependsOn: no service "postgres" (did you mean "pg"?)',
  );
  await expect(staff).toBeDisabled();
  // Enter from the scenario list, where the choice was being made, starts nothing.
  await page.locator('#scenario').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  expect(await page.evaluate(() => window.__firepants?.snapshot() ?? null)).toBeNull();

  // The same file fixed, with the template's comments in it, loads as it is.
  scenario.services[1] = { ...scenario.services[1], dependsOn: ['pg'] } as (typeof scenario.services)[1];
  const commented = `// Our tracker, for the game day\n${JSON.stringify(scenario, null, 2).replace('"teams": [', '"teams": [ /* one team */')}`;
  await page.locator('#scenario-file').setInputFiles(file('tracker.jsonc', commented));
  await expect(page.getByTestId('scenario-problems')).toHaveCount(0);
  await expect(page.locator('#scenario option:checked')).toHaveText('Tracker team');
  await expect(staff).toBeEnabled();
  await staff.click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.scenarioId)).toBe('tracker-team');
});

test('after a refused file, picking a scenario in the list is a choice made on purpose', async ({ page }) => {
  await openGame(page);
  await page.locator('#scenario-file').setInputFiles(file('broken.json', '{ "schemaVersion": 2 }'));
  await expect(page.getByTestId('scenario-problems')).toBeVisible();
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeDisabled();
  await page.locator('#scenario').selectOption({ index: 1 });
  await expect(page.getByTestId('scenario-problems')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeEnabled();
});
