import { expect, type Page, test } from '@playwright/test';
import { crowdedScenario } from '../../bench/crowdedScenario';
import type { MapBox, MapProbe } from '../../src/game/mapProbe';
import { framesPass, openGame } from './helpers';

/**
 * 200% zoom is emulated as a 640×384 CSS viewport at device scale 2: that is what a 1280×768 window shows at 200%
 * (media queries, layout and the map's canvas all see 640 CSS pixels). `body.style.zoom` would not be faithful:
 * the canvas and its pointer coordinates would disagree with the page's.
 */
const SCREENS = [
  { width: 1024, height: 768, scale: 1 },
  { width: 1280, height: 720, scale: 1 },
  { width: 1920, height: 1080, scale: 1 },
  { width: 640, height: 384, scale: 2 },
];
const crowd = Buffer.from(JSON.stringify(crowdedScenario({ services: 12, teams: 4, people: 16 })));

async function crowdedFloor(page: Page): Promise<MapProbe> {
  await openGame(page);
  await page
    .locator('#scenario-file')
    .setInputFiles({ name: 'crowd.json', mimeType: 'application/json', buffer: crowd });
  await page.locator('#guided').setChecked(false);
  await page.locator('[data-key="continue"]').click();
  await page.locator('[data-key="start"]').click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await page.evaluate(() => {
    const hook = window.__firepants;
    hook?.store.setSettings({ autoPause: false });
    hook?.store.pause();
    for (const service of ['svc-0', 'svc-5', 'svc-11'])
      hook?.dispatch({ type: 'injectIncident', service, kind: 'capacity' });
    hook?.advance(30);
  });
  await expect.poll(() => page.evaluate(() => window.__firepantsMap?.()?.labels.length ?? 0)).toBeGreaterThan(60);
  await framesPass(page, 10);
  const probe = await page.evaluate(() => window.__firepantsMap?.() ?? null);
  if (!probe) throw new Error('the map did not draw');
  return probe;
}

const overlaps = (a: MapBox, b: MapBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function crosses(box: MapBox, disc: { x: number; y: number; r: number }): boolean {
  const nx = Math.max(box.x, Math.min(disc.x, box.x + box.width));
  const ny = Math.max(box.y, Math.min(disc.y, box.y + box.height));
  return (nx - disc.x) ** 2 + (ny - disc.y) ** 2 < disc.r ** 2;
}

for (const screen of SCREENS) {
  test(`12 services, 4 teams and 16 people fit the map at ${screen.width}×${screen.height} (scale ${screen.scale})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: screen.scale,
    });
    const page = await context.newPage();
    const map = await crowdedFloor(page);
    const named = (b: MapBox) =>
      `${b.key} "${b.text}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
    const outside = map.labels.filter(
      (l) => l.x < 0 || l.y < 0 || l.x + l.width > map.width || l.y + l.height > map.height,
    );
    expect(outside.map(named), 'labels cut at the edge of the map').toEqual([]);
    const touching: string[] = [];
    map.labels.forEach((a, i) => {
      for (const b of map.labels.slice(i + 1)) if (overlaps(a, b)) touching.push(`${named(a)} / ${named(b)}`);
    });
    expect(touching, 'labels running into each other').toEqual([]);
    // Names, state lines and team headers never cross a ring or a person (marks inside their own ring are meant to).
    const words = map.labels.filter((l) => /^(svc|svc-sub|name|team):/.test(l.key));
    const crossing = words.flatMap((l) =>
      map.discs.filter((d) => crosses(l, d)).map((d) => `${named(l)} over ${d.key}`),
    );
    expect(crossing, 'labels crossing nodes').toEqual([]);
    // Every team header shows its team's name, whole.
    for (const name of ['Storefront', 'Payments', 'Platform', 'Data'])
      expect(map.labels.some((l) => l.key.startsWith('team:') && l.text.startsWith(name))).toBe(true);
    // The map itself is on the page, reachable by scrolling when the screen is short.
    const canvas = await page.locator('#map canvas').boundingBox();
    expect(canvas?.x).toBeGreaterThanOrEqual(0);
    expect((canvas?.x ?? 0) + (canvas?.width ?? 0)).toBeLessThanOrEqual(screen.width + 1);
    await context.close();
  });
}

for (const screen of [SCREENS[1]!, SCREENS[3]!]) {
  test(`the menu's first button stays on screen with two problem boxes at ${screen.width}×${screen.height}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: screen.scale,
    });
    const page = await context.newPage();
    await openGame(page);
    const bad = { schemaVersion: 1, id: 'x', name: 'Broken', teams: [], services: [{ id: 'a' }] };
    await page
      .locator('#round-file')
      .setInputFiles({ name: 'round.json', mimeType: 'application/json', buffer: Buffer.from('{"broken": true}') });
    await expect(page.getByTestId('import-problem')).toBeVisible();
    await page
      .locator('#scenario-file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByTestId('scenario-problems')).toBeVisible();
    await expect(page.getByTestId('import-problem')).toBeVisible();
    const start = page.locator('[data-key="continue"]');
    const box = await start.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(screen.height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(screen.width);
    // Nothing starts from a refused file: the button waits, on screen, for a scenario picked on purpose.
    await expect(start).toBeDisabled();
    await page.locator('#scenario').selectOption({ index: 1 });
    await expect(page.getByTestId('import-problem')).toBeVisible();
    const after = await start.boundingBox();
    expect(after!.y).toBeGreaterThanOrEqual(0);
    expect(after!.y + after!.height).toBeLessThanOrEqual(screen.height);
    // On screen without scrolling, and nothing covers it: a real click goes through.
    await start.click({ trial: true, timeout: 2000 });
    await start.click();
    await expect(page.locator('#app')).toHaveAttribute('data-phase', 'setup');
    await context.close();
  });
}
