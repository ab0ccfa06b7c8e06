import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

/** Holds back the game's screens (everything but the first menu) until `release` is called. */
async function holdTheGame(page: Page): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/assets/screens-*.js', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('the menu works before the game has loaded, and what was chosen there is what the round gets', async ({
  page,
}) => {
  const release = await holdTheGame(page);
  await page.goto('/');
  const menu = page.locator('#overlay .menu');
  await expect(menu).toBeVisible();
  // The first control has the focus, as on every screen: for a newcomer, the campaign's.
  await expect(page.locator('[data-key="campaign"]')).toBeFocused();
  await expect(page.locator('#app')).not.toHaveAttribute('data-ready', /.*/);
  await page.locator('#scenario').selectOption({ label: 'Tiny Toast' });
  await expect(menu).toContainText('three-service startup');
  await page.locator('#seed').fill('1234');
  await page.locator('#weeks').selectOption('2');
  await page.locator('#guided').uncheck();
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  // Still the menu, and says it is busy, until the game is here.
  await expect(page.locator('#overlay')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('h2').first()).toContainText('seed 1234 · 2 weeks');
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  const round = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return s && { scenario: s.scenarioId, seed: s.seed, weeks: s.weeks };
  });
  expect(round).toEqual({ scenario: 'startup', seed: 1234, weeks: 2 });
});

test('a scenario file chosen before the game has loaded is loaded once it has', async ({ page }) => {
  const release = await holdTheGame(page);
  await page.goto('/');
  const file = JSON.parse(readFileSync('test/fixtures/scenario-v1.json', 'utf8')) as Record<string, unknown>;
  await page.locator('#scenario-file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, id: 'first-menu-file', name: 'Chosen Early' })),
  });
  release();
  await expect(page.locator('#scenario option:checked')).toHaveText('Chosen Early');
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
});

test('a player who moved the focus on the first menu keeps it, and the fields as left, when the game takes over', async ({
  page,
}) => {
  const release = await holdTheGame(page);
  await page.goto('/');
  await page.locator('#guided').uncheck();
  await page.locator('#join-code').fill('ABC');
  await page.locator('#seed').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('9');
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#seed')).toBeFocused();
  await expect(page.locator('#seed')).toHaveValue('439');
  await expect(page.locator('#guided')).not.toBeChecked();
  await expect(page.locator('#join-code')).toHaveValue('ABC');
});

test('when the game cannot be loaded the page says so, and the menu stays', async ({ page }) => {
  await page.route('**/assets/screens-*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('#failure')).toContainText('the game could not be loaded');
  await expect(page.locator('#overlay .menu')).toBeVisible();
});

test('at a booth the first menu is already in large print and offers the one-week round', async ({ page }) => {
  const release = await holdTheGame(page);
  await page.goto('/?booth');
  await expect(page.locator('#overlay .menu')).toBeVisible();
  await expect(page.locator('#app')).toHaveClass(/large-print/);
  await expect(page.locator('#weeks')).toHaveValue('1');
  // Every word of it readable from a step back: labels, fields and buttons at 18 px or more.
  const smallest = await page.evaluate(() =>
    Math.min(
      ...[
        ...document.querySelectorAll('#overlay label, #overlay input, #overlay select, #overlay button, #overlay p'),
      ].map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    ),
  );
  expect(smallest).toBeGreaterThanOrEqual(18);
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#weeks')).toHaveValue('1');
  await expect(page.locator('#app')).toHaveClass(/large-print/);
});
