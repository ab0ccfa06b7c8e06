import { expect, type Page, test } from '@playwright/test';
import { advance, openGame } from './helpers';

/** Counts every key pressed; the mouse is never used. */
class Keys {
  count = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.count++;
    this.log.push(key);
    await this.page.keyboard.press(key);
  }

  /** Tabs forward until the focus is on `selector`; fails after 30 presses, naming where the focus was. */
  async tabTo(selector: string): Promise<void> {
    for (let i = 0; i < 30; i++) {
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await this.press('Tab');
    }
    const at = await this.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    throw new Error(`30 Tabs did not reach ${selector}; the focus is on ${at}`);
  }
}

const MITIGATION_KEYS: Record<string, string> = {
  rollback: 'r',
  failover: 'f',
  'scale-up': 'u',
  'flag-off': 'g',
  restart: 't',
};

test('a whole round by keyboard alone, menu to report, in under 80 keys', async ({ page }) => {
  const keys = new Keys(page);
  await openGame(page);
  await expect(page.locator('#overlay :focus')).toHaveCount(1);
  // A one-week round, with the guided first fire.
  await keys.tabTo('#weeks');
  await keys.press('Home');
  await expect(page.locator('#weeks')).toHaveValue('1');
  await keys.tabTo('[data-key="continue"]');
  await keys.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await keys.tabTo('[data-key="start"]');
  await keys.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  // Time passes by itself; the test only lets it pass faster.
  const pagedNow = () =>
    page.evaluate(() => {
      const s = window.__firepants?.snapshot();
      return s?.openIncidents.find((i) => s.incidents[i]?.phase === 'paged') ?? null;
    });
  for (let i = 0; i < 24 * 30 && !(await pagedNow()); i++) await advance(page, 2);
  await expect(page.locator('#pager')).toBeVisible();
  const id = (await pagedNow()) ?? '';
  await keys.press('a');
  await expect(page.getByTestId('incident-phase')).toContainText(/investigating|acknowledged/);
  // Nothing is fixed by itself: investigate by key (recent deploys, dashboards, logs, runbook…) until the
  // clues agree on a fix, waiting for the responder to be free between steps.
  const recommended = page.locator('#incident-panel button.recommended');
  const looking = () => page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.inquiries.length ?? 0, id);
  for (const step of ['y', 'd', 'l', 'b', 'n']) {
    if ((await recommended.count()) > 0) break;
    await keys.press(step);
    for (let i = 0; i < 20 && (await looking()) > 0; i++) await advance(page, 2);
  }
  await expect(page.getByTestId('clue').first()).toBeVisible();
  const action = (
    (await recommended
      .first()
      .textContent({ timeout: 2000 })
      .catch(() => '')) ?? ''
  )
    .trim()
    .toLowerCase();
  // When the clues still leave several fixes open, the player guesses from what the clues say (here: scale up).
  await keys.press(MITIGATION_KEYS[action] ?? 'u');
  for (let i = 0; i < 60; i++) {
    if ((await page.evaluate((inc) => window.__firepants?.snapshot()?.incidents[inc]?.phase, id)) === 'resolved') break;
    await advance(page, 5);
  }
  // The retro, by keyboard: each step's first control has the focus, or is a Tab or two away.
  await keys.tabTo(`[data-key="retro-${id}"]`);
  await keys.press('Enter');
  await expect(page.locator('#overlay dialog')).toBeVisible();
  for (const step of ['retro-next', 'retro-next', 'retro-quick', 'frame-blameless', 'retro-next']) {
    await keys.tabTo(`#overlay [data-key="${step}"]`);
    await keys.press('Enter');
  }
  // The guided fire was staged by the facilitator: nothing real to remove, so no item to file.
  await keys.tabTo('#overlay [data-key="publish"]');
  await keys.press('Enter');
  await keys.tabTo('#overlay [data-key="retro-close"]');
  await keys.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  // Back on the floor the focus is on a control of the floor (where the retro was opened, or the top bar), not lost.
  expect(await page.evaluate(() => !!document.activeElement?.closest('#hud, #floor'))).toBe(true);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 10 && (await page.locator('#app').getAttribute('data-phase')) !== 'report'; i++)
    await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  await expect(page.locator('#overlay dialog :focus')).toHaveCount(1);
  console.log(`keys: ${keys.count} (${keys.log.join(' ')})`);
  expect(keys.count).toBeLessThan(80);
});
