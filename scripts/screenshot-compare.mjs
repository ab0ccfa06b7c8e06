#!/usr/bin/env node
// Captures the README screenshot of the compare page: bots play four tables on the same setup, each exports its
// results, the page loads them all, and the page is saved as a PNG.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { findChromium } from './find-browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT) || 4180;
const folder = 'test-results/sample-results';
const bin = (name) => `node_modules/.bin/${name}`;
if (spawnSync(bin('tsx'), ['scripts/sample-results.ts', folder], { stdio: 'inherit' }).status !== 0) process.exit(1);
if (spawnSync(bin('vite'), ['build', '--mode', 'test'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 660 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/compare.html`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(folder, f));
  await page.locator('#results-files').setInputFiles(files);
  await page.getByTestId('ranked-row').first().waitFor();
  await page.waitForTimeout(300);
  mkdirSync('assets', { recursive: true });
  await page.screenshot({ path: 'assets/screenshot-compare.png' });
  console.log('saved assets/screenshot-compare.png');
} finally {
  await browser.close();
  server.kill();
}
