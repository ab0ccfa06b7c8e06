import { expect, type Page, test } from '@playwright/test';
import {
  advance,
  fireAndWaitForPage,
  framesPass,
  startRound,
  startShortRound,
  teamResponds,
  waitUntilResolved,
} from './helpers';

/** Records every Content-Security-Policy violation and console error the page reports. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...problems,
  ];
}

test('play drawn with WebGL under the strict Content-Security-Policy breaks none of its rules', async ({ page }) => {
  // Software WebGL in a headless browser draws a few frames a second: about 20 s alone, more on a busy machine.
  test.setTimeout(180_000);
  const broken = await watchPolicy(page);
  // Drawn with WebGL, as players' browsers draw it (the other browser tests draw the map on a plain canvas).
  await page.addInitScript(() => {
    (window as unknown as { __FIREPANTS_WEBGL__: boolean }).__FIREPANTS_WEBGL__ = true;
  });

  await startRound(page);
  await teamResponds(page);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const map = document.querySelector('canvas');
        return map ? Boolean(map.getContext('webgl2') ?? map.getContext('webgl')) : null;
      }),
    )
    .toBe(true);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  // A scenario file goes through the schema, which must not compile code at run time.
  await page.evaluate(() => window.__firepants?.store.setSettings({ speed: 8 }));
  await page
    .getByRole('button', { name: /Play|Pause/ })
    .first()
    .focus();
  await framesPass(page, 90);
  await fireAndWaitForPage(page, 'pantry-db');
  await page.keyboard.press('a');
  await advance(page, 30);
  await page.keyboard.press('r');
  await advance(page, 120);
  await page.evaluate(() => window.__firepants?.store.resume());
  await framesPass(page, 120);
  await page.getByRole('button', { name: 'How to play (H)' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'End round' }).click();
  await page.getByTestId('confirm-end-round').click();
  await page.locator('#scenario-file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        schemaVersion: 1,
        id: 'mine',
        name: 'Mine',
        teams: [{ id: 't', name: 'T', color: '#336699', members: [{ id: 'a', name: 'Ann' }] }],
        services: [{ id: 's', name: 'Soup', team: 't', customerWeight: 0.5 }],
      }),
    ),
  });
  await expect(page.locator('#scenario option:checked')).toHaveText('Mine');

  expect(await broken()).toEqual([]);
});

test('a retro and the end report break none of the policy rules either', async ({ page }) => {
  const broken = await watchPolicy(page);
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await waitUntilResolved(page, id);
  await page.getByRole('button', { name: 'Hold a retro' }).first().click();
  await page.getByRole('button', { name: /Begin with the timeline/ }).click();
  await page.getByRole('button', { name: /On to interviews/ }).click();
  await page.getByRole('button', { name: /Deep learning review/ }).click();
  await page.getByRole('button', { name: 'Frame it blamelessly' }).click();
  await page.getByRole('button', { name: /Choose action items/ }).click();
  await page.getByRole('button', { name: 'Publish and share org-wide' }).click();
  await page.getByRole('button', { name: 'Back to the floor' }).click();
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect(page.getByRole('dialog', { name: 'End of round report' })).toBeVisible();
  await expect(page.getByTestId('weekly-chart').locator('svg')).toBeVisible();
  expect(await broken()).toEqual([]);
});
