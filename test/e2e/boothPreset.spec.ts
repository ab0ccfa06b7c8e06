import { expect, test } from '@playwright/test';
import { framesPass, openGame } from './helpers';

test('at a booth, a round left alone for three minutes goes back to the menu, saved; any key starts the wait again', async ({
  page,
}) => {
  await page.clock.install();
  await openGame(page, '/?booth');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.clock.fastForward('02:00');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await page.keyboard.press('Shift');
  await page.clock.fastForward('02:00');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await page.clock.fastForward('01:10');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  await expect(page.getByRole('button', { name: /Resume your round/ })).toBeVisible();
  // The demo waits a minute on the menu that came back, for the next visitor.
  await page.clock.fastForward('00:50');
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(false);
  await page.clock.fastForward('00:15');
  await expect(page.locator('#demo-banner')).toBeVisible();
});

test('?booth sets up a one-week round at 2× in large print, which reaches the labels on the map and the rules', async ({
  page,
}) => {
  await openGame(page, '/?booth');
  await expect(page.locator('#weeks')).toHaveValue('1');
  await expect(page.locator('#guided')).toBeChecked();
  await expect(page.locator('#app')).toHaveClass(/large-print/);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.getByRole('button', { name: '2×' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('h');
  await expect(page.locator('dialog#help li').first()).toHaveCSS('font-size', '20px');
  await page.keyboard.press('Escape');
  // The map's labels grow with the rest: the clock drawn on the map and people's names.
  const nameSizes = () =>
    page.evaluate(() => {
      const probe = window.__firepantsMap?.();
      return probe?.labels.filter((l) => l.key.startsWith('name:')).map((l) => l.height) ?? [];
    });
  // The map may not have drawn its people yet when the help closes: wait for them.
  await expect.poll(async () => (await nameSizes()).length).toBeGreaterThan(3);
  const sizes = await nameSizes();
  await page.evaluate(() => window.__firepants?.store.setSettings({ largePrint: false }));
  const largest = () =>
    page.evaluate(() => {
      const probe = window.__firepantsMap?.();
      return Math.max(...(probe?.labels.filter((l) => l.key.startsWith('name:')).map((l) => l.height) ?? []));
    });
  await expect.poll(largest).toBeLessThan(Math.max(...sizes));
});

test('in large print on an old 1024×768 projector every name and state line on the map is whole', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await openGame(page, '/?booth');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveClass(/large-print/);
  // A fire at the second service, so one state line says so.
  await page.evaluate(() => {
    const hook = window.__firepants;
    hook?.store.pause();
    hook?.dispatch({ type: 'injectIncident', service: hook.snapshot()?.serviceOrder[1] ?? '', kind: 'capacity' });
    hook?.advance(20);
  });
  await expect
    .poll(() => page.evaluate(() => window.__firepantsMap?.()?.labels.some((l) => l.text.startsWith('ON FIRE'))))
    .toBe(true);
  await framesPass(page, 5);
  const labels = await page.evaluate(() => window.__firepantsMap?.()?.labels ?? []);
  expect(labels.filter((l) => l.key.startsWith('svc:')).length).toBeGreaterThan(5);
  expect(
    labels.filter((l) => l.text.endsWith('…')).map((l) => `${l.key} "${l.text}"`),
    'labels cut short',
  ).toEqual([]);
  await page.screenshot({ path: 'test-results/booth-map-1024x768.png' });
  await context.close();
});
