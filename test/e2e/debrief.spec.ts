import { expect, test } from '@playwright/test';
import { advance, fireAndWaitForPage, startShortRound, waitUntilResolved } from './helpers';

test('a debrief scrubs to a minute and shows both timelines there', async ({ page }) => {
  await startShortRound(page, 1);
  // The facilitator's fire: it reaches both timelines at the same minute.
  const id = await fireAndWaitForPage(page, 'catalog', 'facilitator');
  const firedAt = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.startedAt ?? -1, id);
  await page.evaluate((i) => window.__firepants?.dispatch({ type: 'acknowledge', incident: i }), id);
  await page.evaluate(() => window.__firepants?.store.resume());
  await waitUntilResolved(page, id);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');

  await page.getByRole('button', { name: /Debrief/ }).click();
  const debrief = page.getByTestId('debrief');
  await expect(debrief).toBeVisible();
  await expect(page.getByTestId('debrief-ours')).toContainText('Score');
  await expect(page.getByTestId('debrief-ghost')).toContainText('Score');

  // Scrub to the minute of the fire: the clock says when, and both sides show it open, on the map and in words.
  await page.getByTestId('debrief-minute').fill(String(firedAt + 30));
  await expect(page.getByTestId('debrief-clock')).toContainText('Week 1');
  // The map as it was on both sides, node by node, as the worlds at that minute have it.
  const states = await page.evaluate(() => {
    const d = window.__firepants?.store.view.debrief;
    const of = (s: NonNullable<typeof d>['ours']) =>
      Object.fromEntries(
        s.serviceOrder.map((svc) => {
          const open = s.openIncidents.map((id) => s.incidents[id]).filter((i) => i?.affected.includes(svc));
          const state = open.some((i) => i?.phase !== 'mitigated') ? 'fire' : open.length ? 'recovering' : 'calm';
          return [svc, state];
        }),
      );
    return d ? { ours: of(d.ours), ghost: of(d.ghost) } : null;
  });
  expect(states).not.toBeNull();
  for (const [side, testId] of [
    ['ours', 'debrief-ours'],
    ['ghost', 'debrief-ghost'],
  ] as const) {
    const expected = states?.[side] ?? {};
    // The never-learning replay faced the same fire at the same minute.
    expect(['fire', 'recovering']).toContain(expected.catalog);
    for (const [svc, state] of Object.entries(expected))
      await expect(page.getByTestId(testId).locator(`[data-service="${svc}"]`)).toHaveAttribute('data-state', state);
    await expect(page.getByTestId(testId)).toContainText(
      expected.catalog === 'fire' ? /Burning now: Catalog/ : /recovering: Catalog/,
    );
  }
  // Its true class, revealed here, and what the responders knew by then.
  const fire = page.getByTestId('debrief-ours').getByTestId('debrief-fire').first();
  await expect(fire).toContainText('It was truly a capacity limit');
  await expect(fire.getByTestId('debrief-knew')).toContainText('What the responders knew');
  await page.screenshot({ path: 'test-results/debrief-fire.png' });
  // Back at the start nothing has happened on either side.
  await page.getByTestId('debrief-minute').fill('0');
  await expect(page.getByTestId('debrief-ours')).toContainText('0 incidents so far');
  await expect(page.getByTestId('debrief-ghost')).toContainText('0 incidents so far');
  // The moments are marked and a click jumps there.
  await page
    .getByRole('button', { name: /fire · Catalog caught fire here: capacity limit/ })
    .first()
    .click();
  await expect(page.getByTestId('debrief-ours')).toContainText('1 incident so far');
  // The fix is named, and judged against the class the debrief reveals.
  await expect(page.getByTestId('debrief')).toContainText(
    'chose to scale up Catalog — right for the capacity limit: it put the fire out',
  );
  await page.screenshot({ path: 'test-results/debrief.png' });
  await page.getByRole('button', { name: 'Back to the report' }).click();
  await expect(page.getByTestId('report')).toContainText('What actually matters');
});
