#!/usr/bin/env node
// Draws the app icons (public/icon-192.png, public/icon-512.png) from public/favicon.svg with headless Chromium.
// Run once after changing the favicon: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-browser.mjs';

const root = new URL('..', import.meta.url);
const args = JSON.parse(readFileSync(new URL('scripts/chromium-args.json', root), 'utf8'));
const svg = readFileSync(new URL('public/favicon.svg', root), 'utf8').replace(
  '<svg ',
  '<svg width="100%" height="100%" ',
);
const browser = await chromium.launch({ executablePath: await findChromium(), args });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // An opaque square with a margin, so the icon also survives platforms that mask it to a circle.
  const inner = Math.round(size * 0.72);
  await page.setContent(
    `<body style="margin:0;background:#10141c;display:grid;place-items:center;width:${size}px;height:${size}px"><div style="width:${inner}px;height:${inner}px">${svg}</div></body>`,
  );
  await page.screenshot({ path: new URL(`public/icon-${size}.png`, root).pathname });
}
await browser.close();
