import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { openGame, reloadGame } from './helpers';

/** Rebuilds a session file from the logs inside it, in Node, with the command-line tool. */
const rebuilt = (path: string, ...flags: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/headless/evidence.ts', path, ...flags], {
    encoding: 'utf8',
    timeout: 120_000,
  });

/** Plays the level's week at this screen: a learning bot decides through the table's own dispatch. */
async function playTheWeek(page: Page): Promise<void> {
  await page.evaluate(() => window.__firepants?.playAs('learning-first', 10080));
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'report');
}

async function startLevel(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', 'setup');
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
}

test('a newcomer is offered the campaign first, plays level 1 from its intro card, and the campaign remembers', async ({
  page,
}) => {
  await openGame(page);
  const invite = page.getByRole('region', { name: 'The campaign' });
  await expect(invite).toBeVisible();
  await expect(page.getByRole('button', { name: /Start the campaign/ })).toBeFocused();
  await page.getByRole('button', { name: /Start the campaign/ }).click();
  const card = page.getByTestId('intro-card');
  await expect(card).toContainText('Level 1 of 8 · GitLab.com, 31 January 2017');
  await expect(card.getByRole('link', { name: /Postmortem of database outage/ })).toHaveAttribute(
    'href',
    'https://about.gitlab.com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/',
  );
  await expect(page.getByTestId('level-goal').locator('li')).toHaveText([
    'Find the weakness hiding in Patchbay DB and guard it before Thursday night',
    'When Patchbay DB gives way, restore it without calling in the expert',
  ]);
  await startLevel(page);
  expect(await page.evaluate(() => window.__firepants?.snapshot()?.scenarioId)).toBe('level-untested-backups');
  await playTheWeek(page);
  const end = page.getByTestId('level-end');
  await expect(end).toHaveAttribute('data-met', 'yes');
  await expect(end).toContainText('Level 1: goal met');
  await expect(end).toContainText('guarded it at Week 1');
  // The three questions: answered, checked, and each says why.
  for (const [i, option] of [1, 1, 0].entries()) await end.locator(`input[name="level-${i}"]`).nth(option).check();
  await end.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByTestId('level-check-score')).toHaveText('3 of 3 right.');
  await expect(end.locator('.why').first()).toContainText('Right.');
  // The next level is offered; after a reload the campaign remembers level 1 and suggests level 2.
  await reloadGame(page);
  await expect(page.getByRole('region', { name: 'The campaign' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  await expect(page.getByTestId('intro-card')).toContainText('Level 2 of 8 · Amazon S3');
  await expect(page.locator('.levels li').first()).toContainText('✓ goal met');
});

test('the report shows the learning curve, and the exported session is the same file a replay of its logs gives', async ({
  page,
}) => {
  await openGame(page);
  await page.getByRole('button', { name: /Start the campaign/ }).click();
  await page.getByRole('button', { name: /3 · A rule everywhere/ }).click();
  await startLevel(page);
  await playTheWeek(page);
  const curve = page.getByTestId('learning-curve');
  await expect(curve).toContainText('Learning curve: this session');
  await expect(curve.getByTestId('curve-command')).toContainText('never never-learning');
  await page.locator('#table-name').fill('Table Blue');
  await page.locator('#table-name').dispatchEvent('change');
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the session (JSON)' }).click(),
  ]);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the session (CSV)' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('firepants-evidence-table-blue.json');
  const text = readFileSync(await json.path(), 'utf8');
  const file = JSON.parse(text);
  expect(file.kind).toBe('firepants-evidence');
  // Rebuilt outside the page, from nothing but the logs in the file: the same bytes.
  const path = await json.path();
  const again = rebuilt(path);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toBe(text);
  expect(rebuilt(path, '--csv').stdout).toBe(readFileSync(await csv.path(), 'utf8'));
  // The sponsor's page, and back.
  await page.getByRole('button', { name: "The sponsor's summary" }).click();
  const sponsor = page.getByRole('dialog', { name: "The sponsor's summary" });
  await expect(sponsor.getByRole('heading', { level: 1 })).toHaveText('What changed at Table Blue');
  await expect(sponsor).toContainText('for the never-learning organization on the same luck');
  await sponsor.getByRole('button', { name: 'Back to the report' }).click();
  await expect(page.getByTestId('report')).toBeVisible();
});

test('a Backstage catalog chosen in the menu becomes the players’ own game day, and a bad one names the entity', async ({
  page,
}) => {
  await openGame(page);
  await page.locator('#catalog-file').setInputFiles({
    name: 'catalog-info.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('kind: Component\nmetadata:\n  name: checkout\nspec:\n  owner: "group:"\n'),
  });
  await expect(page.getByTestId('catalog-problems')).toContainText(
    'Component "checkout" (document 1): spec.owner "group:" is not a valid entity name',
  );
  await page.locator('#catalog-file').setInputFiles('test/fixtures/catalog/tuneport.yaml');
  await expect(page.locator('#scenario option:checked')).toHaveText('Game day: Listeners');
  await expect(page.getByTestId('catalog-problems')).toHaveCount(0);
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  const round = await page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return s && { id: s.scenarioId, services: s.serviceOrder.length, teams: s.teamOrder.length };
  });
  expect(round).toEqual({ id: 'game-day', services: 17, teams: 4 });
});

test('the campaign’s panel, a level’s report and the sponsor’s page have no serious accessibility problems', async ({
  page,
}) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const serious = async (screen: string) => {
    const result = await new AxeBuilder({ page }).exclude('#map canvas').analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${screen}: ${v.id} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
  };
  const problems: string[] = [];
  await openGame(page);
  await page.getByRole('button', { name: /Start the campaign/ }).click();
  await expect(page.getByTestId('intro-card')).toBeVisible();
  await page.getByText(/Before the first round: the session check/).click();
  problems.push(...(await serious('campaign')));
  await startLevel(page);
  await playTheWeek(page);
  await expect(page.getByTestId('learning-curve')).toBeVisible();
  problems.push(...(await serious('level report')));
  await page.getByRole('button', { name: "The sponsor's summary" }).click();
  await expect(page.getByTestId('sponsor')).toBeVisible();
  problems.push(...(await serious('sponsor')));
  expect(problems).toEqual([]);
});
