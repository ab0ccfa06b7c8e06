import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { stableHash } from '../../src/sim/hash';
import { advance, now, openGame, reloadGame, startRound, teamResponds } from './helpers';

test('a round survives a reload and resumes where it was left', async ({ page }) => {
  await startRound(page);
  await teamResponds(page);
  await page.keyboard.press('Space');
  await advance(page, 2 * 1440 + 30);
  const saved = await page.evaluate(() => {
    window.__firepants?.store.saveNow();
    return window.__firepants?.snapshot()?.now ?? -1;
  });
  await reloadGame(page);
  const resume = page.getByRole('button', { name: /Resume your round/ });
  await expect(resume).toContainText('week 1 of 4');
  await resume.click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'paused');
  expect(await now(page)).toBe(saved);
});

test('a corrupt save gets a clear message, is set aside, and the game still starts', async ({ page }) => {
  await openGame(page);
  await page.evaluate(() => localStorage.setItem('firepants.save', '{"saveVersion":1,"state":'));
  await reloadGame(page);
  await expect(page.getByTestId('save-problem')).toContainText('not valid JSON');
  expect(await page.evaluate(() => localStorage.getItem('firepants.save.corrupt.1'))).toBe('{"saveVersion":1,"state":');
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
});

const fixture = readFileSync('test/fixtures/save-v1.json', 'utf8');

/** The version 1 fixture edited by hand, with its check recomputed so only the world checks can catch it. */
function edited(edit: (world: Record<string, unknown>) => void): string {
  const raw = JSON.parse(fixture);
  edit(raw.state);
  raw.stateHash = stableHash(raw.state);
  return JSON.stringify(raw);
}

async function withSave(page: Page, text: string): Promise<void> {
  await openGame(page);
  await page.evaluate((t) => localStorage.setItem('firepants.save', t), text);
  await reloadGame(page);
}

async function menuStillStartsARound(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
  await expect(page.locator('#failure')).toBeHidden();
}

const corrupt: [string, string, RegExp][] = [
  ['engineers: null', edited((w) => Object.assign(w, { engineers: null })), /damaged at engineers/],
  ['log: {}', edited((w) => Object.assign(w, { log: {} })), /damaged at log/],
  ['now: 1e308', edited((w) => Object.assign(w, { now: 1e308 })), /damaged at now/],
];

for (const [name, text, problem] of corrupt) {
  test(`a save with ${name} and a matching check is set aside with a message naming it`, async ({ page }) => {
    await withSave(page, text);
    await expect(page.getByTestId('save-problem')).toContainText(problem);
    await expect(page.getByTestId('save-problem')).toContainText('firepants.save.corrupt.1');
    await expect(page.getByRole('button', { name: /Resume your round/ })).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('firepants.save.corrupt.1'))).toBe(text);
    await menuStillStartsARound(page);
  });
}

test('a second damaged save is kept beside the first, not over it', async ({ page }) => {
  const [, first] = corrupt[0] as [string, string, RegExp];
  const [, second] = corrupt[1] as [string, string, RegExp];
  await withSave(page, first);
  await expect(page.getByTestId('save-problem')).toContainText('corrupt.1');
  await page.evaluate((t) => localStorage.setItem('firepants.save', t), second);
  await reloadGame(page);
  await expect(page.getByTestId('save-problem')).toContainText('corrupt.2');
  const kept = await page.evaluate(() => [1, 2].map((n) => localStorage.getItem(`firepants.save.corrupt.${n}`)));
  expect(kept).toEqual([first, second]);
});

test('a round is exported to a file and imported on another machine', async ({ page, browser }) => {
  await withSave(page, fixture);
  await expect(page.getByRole('button', { name: /Resume your round/ })).toContainText('week 1 of');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export round' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^firepants-startup-seed-?\d+-minute2880\.json$/);
  const exported = readFileSync(await file.path(), 'utf8');
  expect(exported).toBe(fixture);

  const other = await browser.newPage();
  await openGame(other);
  await other
    .locator('#round-file')
    .setInputFiles({ name: 'round.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(other.locator('#app')).toHaveAttribute('data-phase', 'paused');
  expect(await other.evaluate(() => window.__firepants?.snapshot()?.now)).toBe(2880);
  await other.close();
});

test('a damaged round file is refused on import with a clear message', async ({ page }) => {
  await openGame(page);
  const bad = edited((w) => Object.assign(w, { engineers: null }));
  await page
    .locator('#round-file')
    .setInputFiles({ name: 'round.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('import-problem')).toContainText('could not be imported');
  await expect(page.getByTestId('import-problem')).toContainText('engineers');
  await menuStillStartsARound(page);
});
