import { expect, test } from '@playwright/test';

const results = (
  table: string,
  score: number,
  par: number | null,
  silentSuccesses: number,
  extra: Record<string, unknown> = {},
) => ({
  name: `firepants-${table.toLowerCase()}-platform-seed42-20261123-1030.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      kind: 'firepants-results',
      version: 1,
      table,
      setupLink: 'http://127.0.0.1/#round=platform&v=1&seed=42&weeks=4&ownership=hybrid',
      scenario: { id: 'platform', name: 'Pantry Platform' },
      seed: 42,
      weeks: 4,
      score,
      par,
      incidents: 6,
      replayIncidents: 9,
      silentSuccesses,
      decisions: { mitigate: 5, scheduleRetro: 2 },
      exportedAt: '2026-11-23T10:30:00.000Z',
      ...extra,
    }),
  ),
});

test('three exports are ranked by score minus par, then silent successes, with charts; a bad file is named', async ({
  page,
}) => {
  await page.goto('/compare.html');
  await expect(page.getByText('No results yet.')).toBeVisible();
  await page.locator('#results-files').setInputFiles([
    results('Blue', 140.44, 100, 2),
    results('Green', 150, 90, 1),
    results('Red', 130, 70, 5),
    {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"kind":"firepants-results","version":1,"table":"X","seed":"x"}'),
    },
  ]);
  const rows = page.getByTestId('ranked-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('th')).toHaveText(['Red', 'Green', 'Blue']);
  await expect(rows.nth(0)).toContainText('+60');
  // Scores to one decimal, as the report and the console show them.
  await expect(rows.nth(2).locator('td')).toContainText(['140.4', '100', '+40.4']);
  await expect(page.getByTestId('compare-problems')).toContainText('broken.json: setupLink: missing');
  await expect(page.getByTestId('chart-score').locator('rect')).not.toHaveCount(0);
  await expect(page.getByTestId('chart-incidents').locator('svg')).toHaveAttribute(
    'aria-label',
    'Incidents vs the never-learning replay',
  );
  await page.screenshot({ path: 'test-results/compare.png', fullPage: true });

  const gold = results('Gold', 80, 60, 9);
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name: gold.name, text: gold.buffer.toString('utf8') },
  );
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('th')).toHaveText(['Red', 'Green', 'Blue', 'Gold']);
  await expect(page.getByTestId('compare-problems')).toHaveCount(0);
});

test('tables that named their players and answered the reflection show who decided what and what changed', async ({
  page,
}) => {
  await page.goto('/compare.html');
  await page.locator('#results-files').setInputFiles([
    results('Blue', 140, 100, 2, {
      byRole: [
        { player: 'Priya', role: 'commander', decisions: 7 },
        { player: 'Sam', role: 'ops', decisions: 4 },
      ],
      reflection: { before: [5, 4, 2], after: [1, 2, 5] },
    }),
    results('Red', 130, 70, 5, { reflection: { before: [3, 4, null], after: [1, 2, 4] } }),
    results('Green', 150, 90, 1),
  ]);
  await expect(page.getByTestId('compare-roles')).toContainText('Blue: Priya as Incident commander 7 · Sam as Ops 4');
  const reflection = page.getByTestId('compare-reflection');
  await expect(reflection).toContainText('2 tables answered');
  const blame = reflection.locator('tr', { hasText: 'finding who caused it' });
  await expect(blame.locator('td')).toHaveText(['4.0 (Rather agree)', '1.0 (Disagree)']);
});
