#!/usr/bin/env node
// Captures the README screenshot from the real page: builds, serves, plays a few hours with a fire, saves a PNG.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { findChromium } from './find-browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT) || 4179;
const bin = (name) => `node_modules/.bin/${name}`;
if (spawnSync(bin('vite'), ['build', '--mode', 'test'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: chromiumArgs,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.getByRole('button', { name: /Staff the rotation/ }).click();
  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.keyboard.press('Space');
  await page.evaluate(() => {
    const hook = window.__firepants;
    hook.advance(9 * 60);
    hook.dispatch({ type: 'injectIncident', service: 'pantry-db', kind: 'capacity' });
  });
  // The page comes, the responder answers, and the player has them look at the dashboards and the logs.
  for (let i = 0; i < 200; i++) {
    const paged = await page.evaluate(() => {
      const s = window.__firepants.snapshot();
      const inc = s.incidents[s.openIncidents.at(-1)];
      return inc && inc.phase === 'paged' ? inc.id : null;
    });
    if (paged) {
      await page.evaluate((id) => window.__firepants.dispatch({ type: 'acknowledge', incident: id }), paged);
      break;
    }
    await page.evaluate(() => window.__firepants.advance(2));
  }
  await page.evaluate(() => window.__firepants.advance(2));
  await page.locator('[data-key="step-dashboards"]').click();
  await page.evaluate(() => window.__firepants.advance(12));
  await page.locator('[data-key="step-logs"]').click();
  await page.evaluate(() => window.__firepants.advance(4));
  await page.waitForTimeout(800);
  mkdirSync('assets', { recursive: true });
  await page.screenshot({ path: 'assets/screenshot-ops.png' });
  console.log('saved assets/screenshot-ops.png');
} finally {
  await browser.close();
  server.kill();
}
