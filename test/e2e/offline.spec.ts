import { expect, test } from '@playwright/test';
import { openGame, reloadGame } from './helpers';

test('after one visit the game loads and plays with the network gone', async ({ page, context }) => {
  await openGame(page);
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeVisible();
  // The service worker caches the whole game on the first visit and takes charge of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifest).toBeTruthy();

  await context.setOffline(true);
  await reloadGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await expect(page.locator('#map canvas')).toBeVisible();
  await expect(page.locator('#failure')).toBeHidden();
  // The network really is gone: anything the worker did not cache fails to load.
  const uncached = await page.evaluate(() =>
    fetch(`./not-cached-${Date.now()}.txt`).then(
      () => 'loaded',
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');
});

test('the web manifest names the game and offers PNG icons of 192 and 512 pixels', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.short_name).toBe('Firepants');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await request.get(`/${icon.src}`);
    expect(res.headers()['content-type']).toContain('image/png');
    const bytes = await res.body();
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = icon.sizes.split('x').map(Number);
    expect(bytes.readUInt32BE(16)).toBe(w);
    expect(bytes.readUInt32BE(20)).toBe(h);
  }
});
