import { expect, test } from '@playwright/test';
import { realSeconds } from '../../src/app/booth';
import { openGame } from './helpers';

/**
 * A workshop round: four weeks at the default speed. A scripted careful player (the learning-first bot,
 * its commands going through the table's own dispatch as clicks would) plays the whole round in the page;
 * real time is what the frame loop would take for that round at 1×, calm minutes fast and live incidents
 * slowed, not counting pauses.
 */
test('a four-week round at the default speed takes 12–20 real minutes and asks for a decision at least once a real minute', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  const round = await page.evaluate(() => {
    const hook = window.__firepants;
    if (!hook) throw new Error('no test hook');
    hook.store.setSettings({ autoPause: false });
    const s0 = hook.snapshot();
    const taken = hook.playAs('learning-first', (s0?.weeks ?? 4) * 10080 + 10);
    const s = hook.snapshot();
    const entries = hook.store.round()?.entries ?? [];
    return {
      now: s?.now ?? 0,
      lost: s?.lost ?? null,
      weeks: s?.weeks ?? 0,
      speed: hook.store.view.settings.speed,
      taken,
      decisions: entries.filter((e) => 'command' in e && e.by === 'player').length,
      incidents: Object.values(s?.incidents ?? {}).map((i) => ({ detectedAt: i.detectedAt, resolvedAt: i.resolvedAt })),
    };
  });
  expect(round.weeks).toBe(4);
  // The whole round was played, and the careful player did not lose it.
  expect(round.now).toBe(4 * 10080);
  expect(round.lost).toBeNull();
  expect(round.speed).toBe(1);
  expect(round.decisions).toBe(round.taken);
  const minutes = realSeconds(round.weeks * 10080, round.incidents, round.speed) / 60;
  test.info().annotations.push({
    type: 'pace',
    description: `${minutes.toFixed(1)} real minutes, ${round.decisions} decisions, ${(round.decisions / minutes).toFixed(2)} a minute, ${round.incidents.length} incidents`,
  });
  expect(minutes).toBeGreaterThanOrEqual(12);
  expect(minutes).toBeLessThanOrEqual(20);
  expect(round.decisions / minutes).toBeGreaterThanOrEqual(1);
});

/**
 * Many changes in one turn (a script stepping a day while the round is paused, a table catching up on its log)
 * are drawn at the end of the turn (and at most every 150 ms during a long one), not once for every change.
 */
test('a day stepped in one go while paused is drawn a few times, not at every step', async ({ page }) => {
  await openGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  const seen = await page.evaluate(async () => {
    const hook = window.__firepants;
    if (!hook) throw new Error('no test hook');
    hook.store.pause();
    let changes = 0;
    // The clock keeps step with the map at every change by itself; the rest of the page is what gets drawn.
    const clock = document.querySelector('[data-testid="clock"]');
    const observer = new MutationObserver((records) => {
      changes += records.filter((r) => !clock?.contains(r.target)).length;
    });
    await new Promise((r) => setTimeout(r, 50));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const before = hook.snapshot()?.now ?? 0;
    hook.playAs('learning-first', 1440);
    const after = hook.snapshot()?.now ?? 0;
    // The end of the turn: the one drawing left to do is done, and its changes reach the observer.
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    return { minutes: after - before, changes };
  });
  expect(seen.minutes).toBe(1440);
  // A few drawings of the floor change a few dozen nodes each; one for every five minutes stepped, thousands.
  expect(seen.changes).toBeGreaterThan(0);
  expect(seen.changes).toBeLessThan(300);
});
