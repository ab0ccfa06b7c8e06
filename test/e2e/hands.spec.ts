import { expect, type Page, test } from '@playwright/test';
import { advance, fireAndWaitForPage, startRound } from './helpers';

/** Every mitigation the world has started, in order, as "incident/action". */
const mitigationsStarted = (page: Page) =>
  page.evaluate(() =>
    (window.__firepants?.snapshot()?.log ?? [])
      .flat()
      .filter((e) => e.type === 'mitigation-started')
      .map((e) => `${(e as { incident: string }).incident}/${(e as { action: string }).action}`),
  );

const incident = (page: Page, id: string) => page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i], id);

test('the player investigates through the panel, and no fix is ever applied that the player did not choose', async ({
  page,
}) => {
  await startRound(page);
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await page
    .getByRole('button', { name: /Acknowledge/ })
    .first()
    .click();
  await advance(page, 2);
  await expect(page.getByTestId('incident-phase')).toContainText('investigating');
  await expect(page.getByTestId('next-step')).toContainText('investigate');
  await expect(page.getByLabel('Who looks')).toBeVisible();

  // Left alone for two hours, the responder only watches it burn: nobody chose a fix, so none is tried.
  await advance(page, 120);
  expect(await mitigationsStarted(page)).toEqual([]);
  expect((await incident(page, id))?.phase).toBe('investigating');

  // The player drives the investigation: each step takes the chosen responder's minutes and brings back a clue.
  const pressed: string[] = [];
  const recommended = page.locator('#incident-panel button.recommended');
  for (const step of ['deploys', 'dashboards', 'logs', 'runbook', 'dependency']) {
    if ((await recommended.count()) > 0) break;
    const button = page.locator(`[data-key="step-${step}"]`);
    for (let i = 0; i < 20 && (await button.isDisabled()); i++) await advance(page, 2);
    await button.click();
    const inc = await incident(page, id);
    expect(inc?.inquiries.map((q) => q.step)).toContain(step);
    expect(await mitigationsStarted(page)).toEqual([]);
    await advance(page, 15);
  }
  await expect(page.getByTestId('clue').first()).toBeVisible();
  await expect(page.getByTestId('clue').first()).toContainText(/consistent with|rules nothing out/);
  const clues = (await incident(page, id))?.clues ?? [];
  expect(clues.length).toBeGreaterThan(0);
  for (const c of clues) expect(c.consistentWith).toContain('capacity');
  expect(await mitigationsStarted(page)).toEqual([]);

  // Then the player chooses: the fix the clues agree on, or (if they still disagree) a guess of their own.
  const choice =
    (await recommended.count()) > 0 ? ((await recommended.first().textContent()) ?? '').trim() : 'scale-up';
  await page.locator(`[data-key="mitigate-${choice}"]`).click();
  pressed.push(`${id}/${choice}`);
  for (let i = 0; i < 30 && (await incident(page, id))?.phase !== 'resolved'; i++) {
    const inc = await incident(page, id);
    const under = inc?.attempts.some((a) => a.outcome === 'pending' || a.outcome === 'worked');
    if (!under && inc?.phase === 'investigating') {
      // A wrong guess only rules classes out; the player picks again, by hand.
      await page.locator('[data-key="mitigate-scale-up"]').click();
      pressed.push(`${id}/scale-up`);
    }
    await advance(page, 5);
  }
  expect((await incident(page, id))?.phase).toBe('resolved');
  expect(await mitigationsStarted(page)).toEqual(pressed);
  await page.screenshot({ path: 'test-results/hands.png' });
});

test('the setting that hands incidents to the team is off by default, labelled plainly, and logged', async ({
  page,
}) => {
  await startRound(page);
  await page.keyboard.press('Space');
  const box = page.getByLabel(/Let the team run incidents by itself/);
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.delegated)).toBe(true);
  const id = await fireAndWaitForPage(page, 'pantry-db');
  for (let i = 0; i < 60 && (await incident(page, id))?.phase !== 'resolved'; i++) await advance(page, 5);
  expect((await incident(page, id))?.phase).toBe('resolved');
  expect((await incident(page, id))?.clues.length).toBeGreaterThan(0);
});
