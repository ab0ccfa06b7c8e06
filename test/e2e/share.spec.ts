import { expect, test } from '@playwright/test';
import { openGame } from './helpers';

test('a shared link sets up the same scenario, seed, weeks, ownership and rotation on another table', async ({
  browser,
  page,
}) => {
  await openGame(page);
  await page.locator('#scenario').selectOption({ label: 'Tiny Toast' });
  await page.locator('#seed').fill('1234');
  await page.locator('#weeks').selectOption('2');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.locator('[data-key="model-ops-team"]').check();
  const firstPrimary = page.locator('.rotation select').first();
  const options = await firstPrimary.locator('option').allTextContents();
  const picked = options[options.length - 1] ?? '';
  await firstPrimary.selectOption({ label: picked });
  const rotationHere = await page
    .locator('.rotation select')
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  const code = (await page.getByTestId('share-code').textContent()) ?? '';
  expect(link).toContain('#round=startup&v=1');
  expect(code).toMatch(/^[0-9A-Z]{7,9}$/);

  const other = await browser.newPage();
  await openGame(other, link.slice(link.indexOf('#')));
  await expect(other.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await expect(other.getByTestId('shared-note')).toHaveText(/Shared round: .+, seed 1234, 2 weeks/);
  await expect(other.locator('h2').first()).toContainText('seed 1234 · 2 weeks');
  await expect(other.locator('[data-key="model-ops-team"]')).toBeChecked();
  expect(new URL(other.url()).hash).toBe('');
  const rotationThere = await other
    .locator('.rotation select')
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  expect(rotationThere).toEqual(rotationHere);
  await other.getByRole('button', { name: 'Start the round' }).click();
  const state = await other.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return s && { scenario: s.scenarioId, seed: s.seed, weeks: s.weeks, ownership: s.ownership };
  });
  expect(state).toEqual({ scenario: 'startup', seed: 1234, weeks: 2, ownership: 'ops-team' });

  const third = await browser.newPage();
  await openGame(third);
  // One letter typed wrong is refused: it must not open another scenario.
  const typo = code.slice(0, 2) + (code[2] === 'K' ? 'M' : 'K') + code.slice(3);
  await third.locator('#join-code').fill(typo);
  await third.locator('#join-code').press('Enter');
  await expect(third.getByTestId('shared-problem')).toContainText('does not check out');
  await expect(third.locator('#app')).toHaveAttribute('data-phase', 'menu');
  await third.locator('#join-code').fill(code.toLowerCase());
  await third.locator('#join-code').press('Enter');
  await expect(third.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await expect(third.locator('h2').first()).toContainText('seed 1234 · 2 weeks');
  await expect(third.locator('[data-key="model-ops-team"]')).toBeChecked();
});

test('a tampered link is refused on the menu with the bad part named, and nothing is set up', async ({ page }) => {
  await page.goto(
    '/#round=platform&v=1&seed=42&weeks=4&ownership=hybrid&rotation=web_ada.hana_ada.bao_ada.bao_ada.bao',
  );
  await expect(page.getByTestId('shared-problem')).toContainText('"hana" on the Storefront pager in week 1');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  await page.locator('#join-code').fill('ZZ');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('shared-problem')).toContainText('7 to 9 characters');
});

test('your own scenario travels inside the link, and a link naming a file waits for that file', async ({
  browser,
  page,
}) => {
  const example = 'docs/examples/checkout-team.json';
  await openGame(page);
  await page.locator('#scenario-file').setInputFiles(example);
  await expect(page.locator('#scenario option:checked')).toHaveText('Our checkout');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#round=checkout-team&v=1');
  expect(link).toContain('&scenario=');
  await expect(page.getByTestId('share-code')).toHaveCount(0);

  const other = await browser.newPage();
  await openGame(other, link.slice(link.indexOf('#')));
  await expect(other.getByTestId('shared-note')).toHaveText('Shared round: Our checkout, seed 43, 4 weeks');
  await other.getByRole('button', { name: '← Back' }).click();
  await expect(other.locator('#scenario option:checked')).toHaveText('Our checkout');

  const third = await browser.newPage();
  await openGame(third, '/#round=checkout-team&v=1&seed=5&weeks=2&ownership=you-build-it&name=Our+checkout');
  await expect(third.getByTestId('shared-problem')).toContainText('load its file');
  await third.locator('#scenario-file').setInputFiles(example);
  await expect(third.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await expect(third.getByTestId('shared-note')).toHaveText('Shared round: Our checkout, seed 5, 2 weeks');
});
