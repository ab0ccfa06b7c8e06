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
  const ended = async () => (await page.locator('#app').getAttribute('data-phase')) === 'report';
  for (let i = 0; i < 800 && !(await ended()); i++) {
    await advance(page, 30);
    const saved = page.getByTestId('ghost-saved');
    if (!marked && (await saved.count())) {
      marked = await saved.innerText();
      await page.screenshot({ path: 'test-results/ghost-timeline.png' });
    }
  }
  expect(marked).toMatch(/just caught fire there .* Not here: “.+”/);
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
  // The demo ends on its lesson: a fire of the other timeline that did not happen here, and the score beside par.
  await expect(page.getByTestId('lesson-headline')).toHaveText(/^In the other timeline .+ burned\. Here it did not:$/);
  await expect(page.getByTestId('demo-lesson')).toContainText(
    /Score -?\d+, against -?\d+ for the team that never learns/,
  );
});
