import { expect, test } from '@playwright/test';
import { advance, openGame } from './helpers';

test('the ghost timeline: par beside the score, the other timeline live, a prevented fire marked at its minute', async ({
  page,
}) => {
  await openGame(page);
  await page.getByRole('button', { name: 'Watch a demo' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await expect(page.getByTestId('par')).toContainText('par');
  await expect(page.getByTestId('ghost-strip')).toContainText('Other timeline');
  // Both timelines faced the demo's scripted fires: the ghost has them too.
  let marked = '';
  for (let i = 0; i < 400 && !(await page.getByTestId('report').count()); i++) {
    await advance(page, 30);
    const saved = page.getByTestId('ghost-saved');
    if (!marked && (await saved.count())) {
      marked = await saved.innerText();
      await page.screenshot({ path: 'test-results/ghost-timeline.png' });
    }
  }
  expect(marked).toMatch(/just caught fire there .* Not here: “.+”/);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  await expect(page.getByTestId('headline')).toContainText("didn't happen");
  await expect(page.getByTestId('report-score')).toContainText('par');
});
