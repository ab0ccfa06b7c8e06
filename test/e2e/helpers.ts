import { expect, type Page } from '@playwright/test';

/**
 * Opens the game page and waits until the game has taken over the first menu (its test hook and every screen are
 * there). The first menu itself is usable at once; tests that read the game's state need the rest loaded.
 */
export async function openGame(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await page.locator('#app[data-ready]').waitFor({ state: 'attached' });
}

/** Reloads the game page and waits for the game, as `openGame` does. */
export async function reloadGame(page: Page): Promise<void> {
  await page.reload();
  await page.locator('#app[data-ready]').waitFor({ state: 'attached' });
}

export async function startRound(page: Page, weeks = 4): Promise<void> {
  await openGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  if (weeks !== 4) throw new Error('use startShortRound for other lengths');
}

export async function startShortRound(page: Page, weeks: number): Promise<void> {
  await openGame(page);
  await page.locator('#weeks').selectOption(String(weeks));
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
}

export const now = (page: Page) => page.evaluate(() => window.__firepants?.snapshot()?.now ?? -1);

export async function advance(page: Page, minutes: number): Promise<void> {
  await page.evaluate((m) => window.__firepants?.advance(m), minutes);
}

/** Sets a service on fire the way a facilitator would, and waits for the page. */
export async function fireAndWaitForPage(
  page: Page,
  service: string,
  by: 'player' | 'facilitator' = 'player',
): Promise<string> {
  await page.evaluate(
    ([svc, who]) => window.__firepants?.dispatch({ type: 'injectIncident', service: svc, kind: 'capacity' }, who),
    [service, by] as const,
  );
  for (let i = 0; i < 120; i++) {
    const paged = await page.evaluate(() => window.__firepants?.store.view.pagedIncident ?? null);
    if (paged) return paged;
    await advance(page, 1);
  }
  throw new Error('no page arrived');
}

/**
 * Plays a capacity fire (the kind `fireAndWaitForPage` sets) to its end the way a player who knows it
 * would: nothing is fixed unless someone chooses the fix, so it scales up, then advances five minutes
 * at a time until the incident is resolved (or a long while has passed).
 */
export async function waitUntilResolved(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const phase = await page.evaluate((inc) => {
      const hook = window.__firepants;
      const now = hook?.snapshot()?.incidents[inc];
      const tried = now?.attempts.some((a) => a.outcome === 'pending' || a.outcome === 'worked');
      if (now?.phase === 'investigating' && !tried)
        hook?.dispatch({ type: 'mitigate', incident: inc, action: 'scale-up' });
      return now?.phase;
    }, id);
    if (phase === 'resolved') return;
    await advance(page, 5);
  }
}

/**
 * The team runs incidents by itself (the facilitator's setting): for tests about something else that let
 * days pass with nobody at the panel, which would otherwise lose the round to its own fires.
 */
export async function teamResponds(page: Page): Promise<void> {
  await page.evaluate(() => window.__firepants?.dispatch({ type: 'delegateResponse', on: true }));
}

/**
 * Waits until the page has drawn this many more frames: time measured by the game's own loop, not the clock on
 * the wall, so a busy machine waits longer instead of checking too soon.
 */
export async function framesPass(page: Page, frames: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** Waits until the round's clock has moved on by at least this many simulated minutes (as the real loop runs it). */
export async function minutesPass(page: Page, minutes: number, timeout = 60_000): Promise<void> {
  const from = await now(page);
  await expect.poll(() => now(page), { timeout }).toBeGreaterThanOrEqual(from + minutes);
}

/** A laptop, an old projector and a full-HD projector: the screens a venue has. */
export const VENUE_SIZES = [
  [1280, 720],
  [1024, 768],
  [1920, 1080],
] as const;

/**
 * Pictures the page at each of the venue's sizes (test-results/NAME-WxH.png), checking at each that nothing runs
 * off the side of the screen; the page gets its own size back after.
 */
export async function pictureAtVenueSizes(page: Page, name: string, fullPage = false): Promise<void> {
  const own = page.viewportSize();
  for (const [width, height] of VENUE_SIZES) {
    await page.setViewportSize({ width, height });
    await framesPass(page, 2);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide, `${name} at ${width}×${height} runs ${wide} px off the side`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/${name}-${width}x${height}.png`, fullPage });
  }
  if (own) await page.setViewportSize(own);
}
