#!/usr/bin/env node
// Captures the booth's pictures from the real pages at a laptop's, an old projector's and a full-HD projector's
// size: the attract demo's lesson at its end, and the printable role cards (on screen and in print preview).
// SKIP_BUILD=1 uses the dist/ already built with `vite build --mode test`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { findChromium } from './find-browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT) || 4192;
const out = process.env.SCREENSHOT_DIR || 'assets';
const bin = (name) => `node_modules/.bin/${name}`;
if (!process.env.SKIP_BUILD && spawnSync(bin('vite'), ['build', '--mode', 'test'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);
const server = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
const sizes = [
  [1280, 720],
  [1024, 768],
  [1920, 1080],
];
mkdirSync(out, { recursive: true });

async function open(page, path) {
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}${path}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

try {
  for (const [width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height } });
    await open(page, '/?booth');
    await page.locator('#app[data-ready]').waitFor({ state: 'attached' });
    await page.evaluate(() => window.__firepants.store.attract.start());
    await page.evaluate(() => {
      const hook = window.__firepants;
      const s = hook.snapshot();
      hook.advance(s.weeks * 7 * 1440 - s.now + 1);
    });
    await page.getByTestId('demo-lesson').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/booth-lesson-${width}x${height}.png` });
    console.log(`saved ${out}/booth-lesson-${width}x${height}.png`);
    // The demo in play, in large print, as a passer-by sees it mid-round.
    await page.evaluate(() => window.__firepants.store.attract.start());
    await page.evaluate(() => window.__firepants.advance(2 * 1440 + 10 * 60 + 20));
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/booth-demo-${width}x${height}.png` });
    console.log(`saved ${out}/booth-demo-${width}x${height}.png`);

    await open(page, '/cards.html');
    await page.screenshot({ path: `${out}/cards-${width}x${height}.png` });
    console.log(`saved ${out}/cards-${width}x${height}.png`);
    await page.close();
  }
  // The browser's print preview: the cards as they come out of the printer (an A4 sheet at 96 dots an inch),
  // and the PDF the print dialog would make, one page per sheet.
  const print = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await open(print, '/cards.html');
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: `${out}/cards-print.png`, fullPage: true });
  console.log(`saved ${out}/cards-print.png`);
  await print.pdf({ path: `${out}/cards.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
  console.log(`saved ${out}/cards.pdf`);
} finally {
  await browser.close();
  server.kill();
}
