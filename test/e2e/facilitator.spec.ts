import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { startShortRound } from './helpers';

/** The table's own link to its facilitator window, with the pairing secret in it. */
const facilitatorHref = async (page: Page) =>
  `/${(await page.getByTestId('facilitator-link').getAttribute('href')) ?? 'no-link'}`;

test('the facilitator window sets a fire the players cannot identify, pauses the table, runs a timer and reveals the hidden state', async ({
  page,
  context,
}) => {
  await startShortRound(page, 1);
  const console = await context.newPage();
  await console.goto(await facilitatorHref(page));
  await expect(console.getByTestId('table-status')).toContainText('Week 1');
  await expect(console.getByTestId('hidden-state')).toContainText('Latent weaknesses');

  // Pause and resume the table from the console.
  await page.evaluate(() => window.__firepants?.store.resume());
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  await console.getByRole('button', { name: 'Pause the table' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // A fire: the table learns where, never what kind; the console knows both.
  await console.getByLabel('Service to set on fire').selectOption('catalog');
  // Only Catalog's own weaknesses are offered: a fire set on purpose sets one of them off.
  const own = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return [
      ...new Set(
        Object.values(s?.conditions ?? {})
          .filter((c) => c.service === 'catalog' && c.origin !== 'injected')
          .map((c) => c.kind),
      ),
    ].sort();
  });
  expect(own.length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await console.getByLabel('Kind of failure').locator('option').allTextContents()).sort())
    .toEqual(own);
  // A kind whose id is no everyday word, so the table's text cannot contain it by chance.
  const kind = own.find((k) => k.includes('-')) ?? own[0] ?? '';
  await console.getByLabel('Kind of failure').selectOption(kind);
  await console.getByRole('button', { name: 'Set it on fire' }).click();
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.values(window.__firepants?.snapshot()?.incidents ?? {}).filter((i) => i.injected).length,
      ),
    )
    .toBe(1);
  await expect(page.getByTestId('feed')).toContainText('A fire was set on Catalog');
  await expect(page.getByTestId('feed')).not.toContainText(kind);
  await expect(page.locator('#incident-panel')).not.toContainText(kind);
  await expect(console.getByTestId('hidden-state')).toContainText(`Catalog: ${kind}`);

  // A phase timer the table sees, and the hidden state revealed when the facilitator chooses.
  await console.getByLabel('What the timer is for').fill('Retro');
  await console.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByTestId('table-timer')).toContainText(/Retro: \d+:\d\d left/);
  // Large on the table, where everyone reads it; the console says what is left, with no time of day beside the clock.
  expect(
    await page
      .getByTestId('table-timer')
      .locator('strong')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(48);
  await expect(console.getByTestId('console-timer')).toHaveText(/^Retro: \d+:\d\d left$/);
  await expect(console.getByTestId('table-status')).not.toContainText(/\d\d?:\d\d:\d\d|AM|PM/);
  await expect(page.getByTestId('revealed')).toHaveCount(0);
  await console.getByRole('button', { name: 'Reveal the hidden state to the table' }).click();
  await expect(page.getByTestId('revealed')).toContainText('not yet found');
  // Every weakness is shown, or the reveal says how many more there are.
  const revealed = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return Object.values(s?.conditions ?? {}).filter((c) => c.strength > 0 && c.origin !== 'injected').length;
  });
  const listed = await page.getByTestId('revealed').locator('li').count();
  if (revealed > listed) await expect(page.getByTestId('revealed-more')).toHaveText(`and ${revealed - listed} more`);
  else await expect(page.getByTestId('revealed-more')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/facilitator-table.png' });
  await console.screenshot({ path: 'test-results/facilitator-console.png', fullPage: true });
});

test('the table ignores messages that are not the facilitator’s', async ({ page }) => {
  await startShortRound(page, 1);
  const channel = `firepants-table-${new URL(await facilitatorHref(page), 'http://x/').hash.replace('#pair=', '')}`;
  await page.evaluate((name) => {
    const bc = new BroadcastChannel(name);
    bc.postMessage({ kind: 'inject', service: 'constructor', condition: 'capacity' });
    bc.postMessage({ kind: 'inject', service: 'catalog', condition: 'gremlins' });
    bc.postMessage({ kind: 'timer', label: 'x', minutes: 1e9 });
    bc.postMessage('<img src=x onerror=alert(1)>');
    // A well-formed message last: once it has arrived, so have all the others (a channel keeps their order).
    bc.postMessage({ kind: 'timer', label: 'Talk it over', minutes: 2 });
    bc.close();
  }, channel);
  await expect(page.getByTestId('table-timer')).toContainText('Talk it over');
  const injected = await page.evaluate(
    () => Object.values(window.__firepants?.snapshot()?.incidents ?? {}).filter((i) => i.injected).length,
  );
  expect(injected).toBe(0);
  await expect(page.getByTestId('table-timer')).not.toContainText('x:');
});

test('a rogue tab of the same site can neither steer the table nor read it; only the paired window can', async ({
  page,
  context,
}) => {
  await startShortRound(page, 1);
  await page.evaluate(() => window.__firepants?.store.resume());
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  const fires = () =>
    page.evaluate(
      () => Object.values(window.__firepants?.snapshot()?.incidents ?? {}).filter((i) => i.injected).length,
    );

  // The facilitator page opened without the table's link pairs with nothing and says how to pair.
  const unpaired = await context.newPage();
  await unpaired.goto('/facilitator.html');
  await expect(unpaired.getByTestId('unpaired')).toContainText('not paired with a table');
  await expect(unpaired.getByRole('button', { name: 'Set it on fire' })).toHaveCount(0);

  // A rogue tab tries the old shared channel, guessed names and a made-up secret; then listens for the table.
  const rogue = await context.newPage();
  await rogue.goto('/compare.html');
  const heard = await rogue.evaluate(async () => {
    const names = [
      'firepants-table-1',
      'firepants-table',
      'firepants-table-',
      'firepants-table-AAAAAAAAAAAAAAAAAAAAAA',
    ];
    let heard = 0;
    const channels = names.map((n) => {
      const bc = new BroadcastChannel(n);
      bc.onmessage = () => heard++;
      return bc;
    });
    for (const bc of channels) {
      bc.postMessage({ kind: 'hello' });
      bc.postMessage({ kind: 'pause' });
      bc.postMessage({ kind: 'inject', service: 'catalog', condition: 'capacity' });
      bc.postMessage({ kind: 'timer', label: 'Rogue', minutes: 5 });
      bc.postMessage({ kind: 'reveal', on: true });
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const bc of channels) bc.close();
    return heard;
  });
  expect(heard).toBe(0);
  const wrongPair = await context.newPage();
  await wrongPair.goto('/facilitator.html#pair=AAAAAAAAAAAAAAAAAAAAAA');
  await expect(wrongPair.getByTestId('waiting')).toBeVisible();

  // The paired window is heard: its timer shows, and nothing of the rogue's got through.
  const console = await context.newPage();
  await console.goto(await facilitatorHref(page));
  await expect(console.getByTestId('table-status')).toBeVisible();
  await console.getByLabel('What the timer is for').fill('Paired');
  await console.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByTestId('table-timer')).toContainText('Paired');
  await expect(page.getByTestId('table-timer')).not.toContainText('Rogue');
  expect(await fires()).toBe(0);
  await expect(page.getByTestId('revealed')).toHaveCount(0);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'playing');
  await expect(wrongPair.getByTestId('waiting')).toBeVisible();
});

test('the console lists the scenario’s scheduled fires with their minutes, and labels them scheduled', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.locator('#app[data-ready]').waitFor({ state: 'attached' });
  const scenario = JSON.parse(readFileSync('docs/examples/checkout-team.json', 'utf8'));
  const service = scenario.services[0].id as string;
  scenario.fires = [
    { day: 1, time: '10:30', service, kind: scenario.services[0].conditions[0].kind },
    { day: 3, time: '14:00', service, kind: scenario.services[0].conditions[0].kind },
  ];
  await page.locator('#scenario-file').setInputFiles({
    name: 'scheduled.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await page.locator('#guided').uncheck();
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  const console = await context.newPage();
  await console.goto(await facilitatorHref(page));
  const listed = console.getByTestId('scheduled-fires');
  await expect(listed).toContainText('Mon 10:30');
  await expect(listed).toContainText('Wed 14:00');
  await expect(listed.locator('li').first()).toContainText('scheduled');
  await expect(listed).not.toContainText('set by you');
  await page.evaluate(() => window.__firepants?.advance(11 * 60));
  await expect(listed.locator('li').first()).toContainText('scheduled, started');
  await expect(console.getByTestId('hidden-state')).toContainText('(scheduled by the scenario)');
  await expect(console.getByTestId('hidden-state')).not.toContainText('set by you');
});
