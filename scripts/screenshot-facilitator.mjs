#!/usr/bin/env node
// Captures the README's workshop screenshots from the real pages: a table with named players beside the
// facilitator's window (a fire set, a timer running), and the debrief scrubbed to a moment of the round.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { findChromium } from './find-browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT) || 4191;
const bin = (name) => `node_modules/.bin/${name}`;
if (spawnSync(bin('vite'), ['build', '--mode', 'test'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const table = await context.newPage();
  for (let i = 0; i < 50; i++) {
    try {
      await table.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await table.locator('#weeks').selectOption('1');
  await table.getByRole('button', { name: /Staff the rotation/ }).click();
  const seats = table.getByTestId('seats');
  for (const [i, name] of ['Priya', 'Sam', 'Lee'].entries()) {
    await seats.getByRole('button', { name: 'Add a player' }).click();
    await seats.getByLabel(`Player ${i + 1} name`).fill(name);
    await seats.getByLabel(`Player ${i + 1} name`).press('Tab');
  }
  await table.getByRole('button', { name: 'Start the round' }).click();
  await table.keyboard.press('Space');
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1100, height: 900 });
  // The table's own link pairs the facilitator's window with it (a secret in the link).
  const pairing = await table.getByTestId('facilitator-link').getAttribute('href');
  await desk.goto(`http://127.0.0.1:${port}/${pairing}`);
  await table.evaluate(() => window.__firepants.advance(10 * 60));
  await desk.getByLabel('Service to set on fire').selectOption('catalog');
  await desk.getByLabel('Kind of failure').selectOption('retry-storm');
  await desk.getByRole('button', { name: 'Set it on fire' }).click();
  await desk.getByLabel('What the timer is for').fill('Incident');
  await desk.getByRole('button', { name: 'Start the timer' }).click();
  await table.evaluate(() => window.__firepants.advance(30));
  await desk.waitForTimeout(1500);
  mkdirSync('assets', { recursive: true });
  await desk.screenshot({ path: 'assets/screenshot-facilitator.png' });
  console.log('saved assets/screenshot-facilitator.png');

  // Play the rest of the week as a careful table would, then open the debrief at the first fire.
  await table.evaluate(() => {
    const hook = window.__firepants;
    hook.store.setSettings({ autoPause: false });
    hook.playAs('learning-first', 7 * 1440);
  });
  await table.getByRole('button', { name: /Debrief/ }).click();
  // The moment a fix was chosen for the facilitator's fire: the map as it was, the true class, the clues so far.
  const marks = table.getByTestId('debrief').locator('.debrief-marks li button');
  const chosen = marks.filter({ hasText: /chose to .* Catalog/ }).first();
  const fire = (await chosen.count()) ? chosen : marks.filter({ hasText: '· fire ·' }).first();
  if (await fire.count()) await fire.click();
  await table.waitForTimeout(800);
  await table.screenshot({ path: 'assets/screenshot-debrief.png' });
  console.log('saved assets/screenshot-debrief.png');
} finally {
  await browser.close();
  server.kill();
}
