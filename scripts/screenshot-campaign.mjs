#!/usr/bin/env node
// Captures the campaign's README screenshots from the real page, at 1280×720 and 1024×768: a level's intro card,
// then a session of five levels played by bots through the page's own dispatch (the first by the never-learning
// bot, the second by the careful responder, the last three by the learning-first bot, so the curve has something to
// show), its learning curve on the report, and the sponsor's summary.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { findChromium } from './find-browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT) || 4342;
const bin = (name) => `node_modules/.bin/${name}`;
if (spawnSync(bin('vite'), ['build', '--mode', 'test'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
const SESSION = [
  ['1 · The backup', 'baseline'],
  ['2 · One command', 'careful'],
  ['3 · A rule', 'learning-first'],
  ['6 · Back from', 'learning-first'],
  ['7 · You build', 'learning-first'],
];

async function open(page) {
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.locator('#app[data-ready]').waitFor({ state: 'attached' });
}

async function playLevel(page, name, bot) {
  await page.locator('[data-key="campaign"]').click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.evaluate((b) => window.__firepants?.playAs(b, 10080), bot);
  await page.locator('#app[data-phase="report"]').waitFor();
}

mkdirSync('assets', { recursive: true });
mkdirSync('test-results/campaign', { recursive: true });
try {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ]) {
    const big = width === 1280;
    const where = (name) => (big ? `assets/${name}.png` : `test-results/campaign/${name}-${width}x${height}.png`);
    const page = await browser.newPage({ viewport: { width, height } });
    await open(page);
    await page.getByRole('button', { name: /Start the campaign/ }).click();
    await page.getByTestId('intro-card').waitFor();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: where('screenshot-campaign-intro') });
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    // The players at this table, named as on the staffing screen, so the log credits each decision.
    await page.evaluate(() =>
      window.__firepants?.store.setSettings({
        tableName: 'Table Blue',
        seats: [
          { player: 'Priya', role: 'commander' },
          { player: 'Tomás', role: 'ops' },
          { player: 'Mei', role: 'comms' },
        ],
      }),
    );
    for (const [i, [name, bot]] of SESSION.entries()) {
      await playLevel(page, name, bot);
      if (i === SESSION.length - 1) break;
      await page.getByRole('button', { name: 'Menu', exact: true }).last().click();
      await page.locator('#app[data-phase="menu"]').waitFor();
    }
    const curve = page.getByTestId('learning-curve');
    await curve.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await curve.screenshot({ path: where('screenshot-learning-curve') });
    await page.getByRole('button', { name: "The sponsor's summary" }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: where('screenshot-sponsor') });
    await page.close();
    console.log(`saved the ${width}×${height} screenshots`);
  }
} finally {
  await browser.close();
  server.kill();
}
