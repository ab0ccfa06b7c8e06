import { expect, test } from '@playwright/test';
import { advance, startRound, teamResponds } from './helpers';

test('the map in words lists every service with its state and every person with their pager and sleep', async ({
  page,
}) => {
  await startRound(page);
  const snapshot = await page.evaluate(() => window.__firepants?.snapshot());
  const services = page.getByTestId('map-services').locator('li');
  await expect(services).toHaveCount(snapshot?.serviceOrder.length ?? -1);
  await expect(services.first()).toContainText(/calm; bus factor \d/);
  // At night the on-call primary is named and the others are asleep.
  await expect(page.getByTestId('map-people')).toContainText('primary on call');
  await expect(page.getByTestId('map-people')).toContainText('asleep');
  await page.evaluate(() => {
    window.__firepants?.store.setSettings({ autoPause: false });
    window.__firepants?.store.pause();
    window.__firepants?.dispatch({ type: 'injectIncident', service: 'gateway', kind: 'capacity' });
  });
  // An alert finds it within minutes; customers may take over an hour.
  for (let i = 0; i < 60; i++) {
    if ((await page.getByTestId('map-services').textContent())?.includes('Gateway (SRE): on fire')) break;
    await advance(page, 2);
  }
  await expect(page.getByTestId('map-services')).toContainText(/Gateway \(SRE\): on fire, SEV\d/);
  // Beside the map, named for assistive technology, and out of sight.
  await expect(page.getByRole('region', { name: 'The map in words' })).toHaveCount(1);
  await expect(page.locator('#map-text')).toHaveCSS('position', 'absolute');
});

test('the charts tell their series apart by shape as well as colour', async ({ page }) => {
  await startRound(page);
  await teamResponds(page);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  await advance(page, 3 * 1440);
  const lines = page.locator('.hud-chart polyline');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toHaveAttribute('stroke-dasharray', /\d/);
  await expect(lines.nth(1)).not.toHaveAttribute('stroke-dasharray', /./);
});
