import { expect, test } from '@playwright/test';
import { framesPass, openGame } from './helpers';

test('at a booth: idle on the menu with the focus on its first control, the demo starts, plays to its lesson, and a key hands over', async ({
  page,
}) => {
  await page.clock.install();
  await openGame(page, '/?booth');
  // The focus on the menu's first control, where the menu puts it for every visitor: idleness is about people.
  await page.getByRole('button', { name: /Staff the rotation/ }).focus();
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeFocused();
  await page.clock.fastForward(40_000);
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(false);
  // Someone moves the mouse at 40 s: the minute starts again.
  await page.mouse.move(200, 200);
  await page.clock.fastForward(40_000);
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(false);
  await page.clock.fastForward(35_000);
  await expect(page.locator('#demo-banner')).toBeVisible();
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(true);

  // The demo plays by itself to its end (the clock is driven; the bot and both timelines are real).
  await page.evaluate(() => {
    const hook = window.__firepants;
    const s = hook?.snapshot();
    if (s) hook?.advance(s.weeks * 7 * 1440 - s.now + 1);
  });
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  const lesson = page.getByTestId('demo-lesson');
  await expect(lesson).toBeVisible();
  const headline = (await page.getByTestId('lesson-headline').textContent()) ?? '';
  const truth = await page.evaluate(() => {
    const v = window.__firepants?.store.view;
    return {
      prevented: v?.silent?.prevented.map((p) => [p.serviceName, p.preventedBy.title]) ?? [],
      net: v?.silent?.net,
    };
  });
  const claimed = truth.prevented.find(
    ([service]) => headline === `In the other timeline ${service} burned. Here it did not:`,
  );
  expect(claimed, `${headline} vs ${JSON.stringify(truth)}`).toBeDefined();
  await expect(page.getByTestId('lesson')).toHaveText(claimed?.[1] ?? '');
  expect(truth.net).toBeGreaterThan(0);
  // Legible from two metres: the lesson in large words.
  const size = await page.getByTestId('lesson').evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(38);

  // It stays up long enough to read, then the demo loops.
  await page.clock.fastForward(15_000);
  await expect(lesson).toBeVisible();
  await page.clock.fastForward(15_000);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(true);

  // Any key hands over: the visitor gets the menu, on its first button, for a round of their own.
  await page.keyboard.press('x');
  await expect(page.locator('#demo-banner')).toBeHidden();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  await expect(page.getByRole('button', { name: /Staff the rotation/ })).toBeFocused();
  await framesPass(page, 2);
});

test('at a booth the round stops at each decision: a page, then a retro ready to hold', async ({ page }) => {
  await openGame(page, '/?booth');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  const phase = () => page.evaluate(() => window.__firepants?.phase());
  const hook = <T>(fn: () => T) => page.evaluate(fn);
  // The guided fire pages someone: the clock stops.
  await expect
    .poll(() =>
      hook(() => {
        const h = window.__firepants;
        if (h?.store.view.pagedIncident) return h.store.view.pagedIncident;
        if (h?.phase() === 'paused') h.store.resume();
        h?.advance(10);
        return h?.store.view.pagedIncident ?? null;
      }),
    )
    .not.toBeNull();
  expect(await phase()).toBe('paused');
  // The team puts it out; the minute it resolves, a retro is ready and the clock stops again.
  await hook(() => window.__firepants?.dispatch({ type: 'delegateResponse', on: true }));
  const resolvedYet = () =>
    hook(() =>
      Object.values(window.__firepants?.snapshot()?.incidents ?? {}).some((i) => !i.prior && i.phase === 'resolved'),
    );
  // Looked at and moved on in one step of the page: a frame may resolve it between two steps, and resuming after
  // that would undo the very stop this test waits for.
  for (let i = 0; i < 200; i++) {
    const resolved = await hook(() => {
      const h = window.__firepants;
      if (Object.values(h?.snapshot()?.incidents ?? {}).some((i) => !i.prior && i.phase === 'resolved')) return true;
      if (h?.phase() === 'paused') h.store.resume();
      h?.advance(5);
      return false;
    });
    if (resolved) break;
  }
  expect(await resolvedYet()).toBe(true);
  await expect.poll(phase).toBe('paused');
  await expect(page.getByRole('button', { name: /Hold a retro|Schedule/ }).first()).toBeVisible();
});

test('anywhere but a booth, a table that pauses to talk for five minutes stays where it is', async ({ page }) => {
  await page.clock.install();
  await openGame(page);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.evaluate(() => window.__firepants?.store.pause());
  await page.clock.fastForward(5 * 60_000);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  // And a menu left alone starts no demo outside a booth.
  await page.evaluate(() => window.__firepants?.store.backToMenu());
  await page.clock.fastForward(3 * 60_000);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  expect(await page.evaluate(() => window.__firepants?.store.view.demo)).toBe(false);
});
