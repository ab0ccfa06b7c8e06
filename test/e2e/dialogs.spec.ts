import { expect, type Page, test } from '@playwright/test';
import {
  advance,
  fireAndWaitForPage,
  minutesPass,
  reloadGame,
  startRound,
  startShortRound,
  waitUntilResolved,
} from './helpers';

const speed = (page: Page) => page.evaluate(() => window.__firepants?.store.view.settings.speed);
const drills = (page: Page) =>
  page.evaluate(() => (window.__firepants?.snapshot()?.log ?? []).flat().filter((e) => e.type === 'drill').length);

async function resolvedFire(page: Page): Promise<void> {
  await startRound(page);
  await page.keyboard.press('Space');
  const id = await fireAndWaitForPage(page, 'pantry-db');
  await waitUntilResolved(page, id);
}

test('the retro is modal: clicks behind it change nothing, Escape closes it and keeps progress', async ({ page }) => {
  await resolvedFire(page);
  const hold = page.getByRole('button', { name: 'Hold a retro' }).first();
  const speedBox = await page.locator('[data-key="speed-8"]').boundingBox();
  const drillBox = await page.locator('[data-key="drill"]').boundingBox();
  await hold.focus();
  await page.keyboard.press('Enter');
  const retro = page.getByRole('dialog', { name: 'Retro' });
  await expect(retro).toBeVisible();
  expect(await retro.evaluate((d) => (d as HTMLDialogElement).matches(':modal'))).toBe(true);
  // The focus moved into the retro.
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  const drillsBefore = await drills(page);
  if (speedBox) await page.mouse.click(speedBox.x + speedBox.width / 2, speedBox.y + speedBox.height / 2);
  if (drillBox) await page.mouse.click(drillBox.x + drillBox.width / 2, drillBox.y + drillBox.height / 2);
  expect(speedBox && drillBox).toBeTruthy();
  expect(await speed(page)).toBe(1);
  expect(await drills(page)).toBe(drillsBefore);
  await expect(retro).toBeVisible();

  await retro.getByRole('button', { name: /Begin with the timeline/ }).click();
  await expect(page.getByTestId('retro-timeline')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(retro).toBeHidden();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  // The focus came back to where the retro was opened from.
  await expect(page.getByRole('button', { name: 'Continue retro' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('retro-timeline')).toBeVisible();
});

test('the report is modal, its actions are in view at 1280x720, and Escape leaves it open', async ({ page }) => {
  await startShortRound(page, 1);
  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  const report = page.getByRole('dialog', { name: 'End of round report' });
  await expect(report).toBeVisible();
  expect(await report.evaluate((d) => (d as HTMLDialogElement).matches(':modal'))).toBe(true);
  await expect(page.getByRole('button', { name: /Download the story/ })).toBeInViewport();
  await expect(page.getByRole('button', { name: /Download the story/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(report).toBeVisible();
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'menu');
  // The menu's first control has the focus.
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeFocused();
});

test('Escape closes the help; shortcuts can be switched off there and never fire inside a list', async ({ page }) => {
  await startRound(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('h');
  const help = page.getByRole('dialog', { name: 'How to play Firepants' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const id = await fireAndWaitForPage(page, 'pantry-db');
  await page.getByRole('button', { name: /Acknowledge the page/ }).click();
  await advance(page, 2);
  const commander = page.getByLabel('Incident commander');
  await commander.focus();
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  await advance(page, 1);
  const roles = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.roles ?? {}, id);
  const ada = await page.evaluate(() =>
    Object.values(window.__firepants?.snapshot()?.engineers ?? {}).find((e) => e.name.startsWith('A')),
  );
  expect(ada).toBeTruthy();
  expect(roles.commander).toBeUndefined();
  const mitigations = await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.attempts ?? [], id);
  expect(mitigations).toEqual([]);

  await commander.blur();
  await page.keyboard.press('h');
  await expect(help).toBeVisible();
  await help.getByLabel(/Single-key shortcuts/).uncheck();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('h');
  await expect(help).toBeHidden();
  await page.keyboard.press('r');
  await advance(page, 1);
  expect(await page.evaluate((i) => window.__firepants?.snapshot()?.incidents[i]?.attempts ?? [], id)).toEqual([]);
  await reloadGame(page);
  expect(await page.evaluate(() => window.__firepants?.store.view.settings.singleKeyShortcuts)).toBe(false);
});

test('one polite live region tells of a page and of the end of the round, at most one message a second', async ({
  page,
}) => {
  await startShortRound(page, 1);
  await page.keyboard.press('Space');
  // What the live region says, with the page's own clock, so the gaps are measured where they happen.
  await page.evaluate(() => {
    const heard: { at: number; text: string }[] = [];
    (window as unknown as { __heard: typeof heard }).__heard = heard;
    const region = document.getElementById('announcer');
    if (region)
      new MutationObserver(() => heard.push({ at: performance.now(), text: region.textContent ?? '' })).observe(
        region,
        {
          childList: true,
          characterData: true,
          subtree: true,
        },
      );
  });
  const heard = () => page.evaluate(() => (window as unknown as { __heard: { at: number; text: string }[] }).__heard);
  const said = async () => (await heard()).map((s) => s.text).join(' | ');
  await expect(page.locator('[aria-live]')).toHaveCount(1);
  await fireAndWaitForPage(page, 'pantry-db');
  await expect.poll(said).toContain('Paged');
  // The incident panel says only its phase aloud, not the ticking numbers around it.
  const live = page.locator('[data-testid="incident"] [aria-live]');
  await expect(live).toHaveCount(1);
  const first = await live.textContent();
  await page.evaluate(() => window.__firepants?.store.resume());
  await minutesPass(page, 2);
  await page.evaluate(() => window.__firepants?.store.pause());
  expect(await live.textContent()).toBe(first);

  await page.evaluate(() => window.__firepants?.store.setSettings({ autoPause: false }));
  for (let i = 0; i < 8; i++) await advance(page, 1440);
  await expect.poll(said, { timeout: 10_000 }).toContain('The round is over');
  const times = (await heard()).map((s) => s.at);
  expect(times.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(990);
});
