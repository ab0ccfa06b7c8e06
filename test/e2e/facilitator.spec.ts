import { expect, test } from '@playwright/test';
import { startShortRound } from './helpers';

test('the facilitator window sets a fire the players cannot identify, pauses the table, runs a timer and reveals the hidden state', async ({
  page,
  context,
}) => {
  await startShortRound(page, 1);
  const console = await context.newPage();
  await console.goto('/facilitator.html');
  await expect(console.getByTestId('table-status')).toContainText('Week 1');
  await expect(console.getByTestId('hidden-state')).toContainText('Latent weaknesses');

  // Pause and resume the table from the console.
  await page.evaluate(() => window.__firepants?.store.resume());
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  await console.getByRole('button', { name: 'Pause the table' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // A fire: the table learns where, never what kind; the console knows both.
  await console.getByLabel('Service to set on fire').selectOption('catalog');
  await console.getByLabel('Kind of failure').selectOption('retry-storm');
  await console.getByRole('button', { name: 'Set it on fire' }).click();
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.values(window.__firepants?.snapshot()?.incidents ?? {}).filter((i) => i.injected).length,
      ),
    )
    .toBe(1);
  await expect(page.getByTestId('feed')).toContainText('A fire was set on Catalog');
  await expect(page.getByTestId('feed')).not.toContainText('retry-storm');
  await expect(page.locator('#incident-panel')).not.toContainText('retry-storm');
  await expect(console.getByTestId('hidden-state')).toContainText('Catalog: retry-storm');

  // A phase timer the table sees, and the hidden state revealed when the facilitator chooses.
  await console.getByLabel('What the timer is for').fill('Retro');
  await console.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByTestId('table-timer')).toContainText(/Retro: \d+:\d\d left/);
  await expect(page.getByTestId('revealed')).toHaveCount(0);
  await console.getByRole('button', { name: 'Reveal the hidden state to the table' }).click();
  await expect(page.getByTestId('revealed')).toContainText('not yet found');
  await page.screenshot({ path: 'test-results/facilitator-table.png' });
  await console.screenshot({ path: 'test-results/facilitator-console.png', fullPage: true });
});

test('the table ignores messages that are not the facilitator’s', async ({ page }) => {
  await startShortRound(page, 1);
  await page.evaluate(() => {
    const bc = new BroadcastChannel('firepants-table-1');
    bc.postMessage({ kind: 'inject', service: 'constructor', condition: 'capacity' });
    bc.postMessage({ kind: 'inject', service: 'catalog', condition: 'gremlins' });
    bc.postMessage({ kind: 'timer', label: 'x', minutes: 1e9 });
    bc.postMessage('<img src=x onerror=alert(1)>');
    // A well-formed message last: once it has arrived, so have all the others (a channel keeps their order).
    bc.postMessage({ kind: 'timer', label: 'Talk it over', minutes: 2 });
    bc.close();
  });
  await expect(page.getByTestId('table-timer')).toContainText('Talk it over');
  const injected = await page.evaluate(
    () => Object.values(window.__firepants?.snapshot()?.incidents ?? {}).filter((i) => i.injected).length,
  );
  expect(injected).toBe(0);
  await expect(page.getByTestId('table-timer')).not.toContainText('x:');
});
