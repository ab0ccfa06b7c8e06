/**
 * The browser half of `npm run bench`: the built game in Debian Chromium (or any Chromium found), against bare pages
 * of the same build. The production build is used throughout: the firestorm round is set up through the page's own
 * controls (a scenario file, the staffing screen, the facilitator's "inject an incident"), so no test hook is needed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { bundleSizes } from './bundle';
import { crowdedScenario } from './crowdedScenario';
import { serveFolder } from './serve';

export const FIRESTORM = { services: 14, teams: 5, people: 26, fires: 10, hardToFix: true };
const SAMPLE_MS = 6000;
const WARM_UP_MS = 1500;
export const MENU_RUNS = 21;
/** The firestorm and the bare scene take turns this many times; their frames are pooled. */
export const FRAME_RUNS = 3;
const VIEWPORT = { width: 1280, height: 720 };

export interface FrameFigures {
  frames: number;
  medianMs: number;
  p95Ms: number;
}

export interface BrowserFigures {
  browser: string;
  /** Phaser's renderer in this browser (WebGL, or canvas without a GPU) and the map's size in CSS pixels. */
  renderer: string;
  mapSize: string;
  /** Live incidents (detected, not yet resolved) counted every half second while the frames were sampled. */
  firestorm: FrameFigures & { liveMin: number; liveMedian: number; texts: number; shapes: number; flames: number };
  bareScene: FrameFigures;
  menuMs: number;
  barePageMs: number;
  gameGzipBytes: number;
  phaserGzipBytes: number;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Builds the production page with the two bare pages beside it, into a folder of its own. */
async function buildPages(): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(tmpdir(), `firepants-bench-${process.pid}`);
  await build({
    configFile: 'vite.config.ts',
    mode: 'production',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      rolldownOptions: { input: { bareMap: 'bench/bare-map.html', barePage: 'bench/bare-page.html' } },
    },
  });
  return outDir;
}

/**
 * Frame-to-frame times for a while, after a warm-up, measured by the page itself. Sent as text: the Node side's
 * transpiler would otherwise wrap the page's named functions in a helper the page does not have.
 */
async function sampleFrames(page: Page): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const gaps = [];
    const start = performance.now();
    let last = start;
    requestAnimationFrame(function tick(t) {
      if (t - start > ${WARM_UP_MS}) gaps.push(t - last);
      last = t;
      if (t - start < ${WARM_UP_MS + SAMPLE_MS}) requestAnimationFrame(tick);
      else resolve(gaps);
    });
  })`);
}

function figures(gaps: number[]): FrameFigures {
  return { frames: gaps.length, medianMs: quantile(gaps, 0.5), p95Ms: quantile(gaps, 0.95) };
}

/** Milliseconds from navigation to the first enabled button, as the page's own clock tells it. */
async function timeToButton(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (sel) => {
      const b = document.querySelector(sel) as HTMLButtonElement | null;
      return b && !b.disabled ? performance.now() : 0;
    },
    selector,
    { polling: 'raf' },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

/**
 * What the ops floor draws for a crowd: three labels per service, two per person, one per team and the clock;
 * three circles per service and per person, a line and an arrowhead per dependency; and about eight flame
 * triangles per live fire, redrawn every frame.
 */
function floorCounts(c: typeof FIRESTORM): { texts: number; shapes: number; flames: number } {
  const edges = Math.round(c.services * 1.5);
  return {
    texts: 3 * c.services + 2 * c.people + c.teams + 1,
    shapes: 3 * c.services + 3 * c.people + 2 * edges,
    flames: 8 * c.fires,
  };
}

async function firestorm(browser: Browser, base: string): Promise<{ gaps: number[]; live: number[]; mapSize: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    localStorage.setItem('firepants.settings.v1', JSON.stringify({ speed: 8, autoPause: false }));
  });
  const page = await context.newPage();
  await page.goto(`${base}/index.html`);
  const file = JSON.stringify(crowdedScenario(FIRESTORM));
  await page.setInputFiles('#scenario-file', {
    name: 'firestorm.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await page.locator('#guided').setChecked(false);
  await page.locator('[data-key="continue"]').click();
  await page.locator('[data-key="start"]').click();
  await page.locator('#map canvas').waitFor();
  await page.locator('summary', { hasText: 'Facilitator: inject an incident' }).click();
  // The facilitator keeps the fires coming, as at a booth: a new one whenever fewer than ten are live.
  const tabs = page.locator('#incident-panel [role="tab"]');
  let next = 0;
  const stoke = async () => {
    await page.locator('#inject-service').selectOption(`svc-${next % FIRESTORM.services}`);
    await page.locator('[data-key="inject"]').click();
    next++;
  };
  // Set the first fires while the clock stands still, then let it run at top speed.
  await page.locator('[data-key="play"]').click();
  await page.locator('#app[data-phase="paused"]').waitFor();
  for (let i = 0; i < FIRESTORM.fires; i++) await stoke();
  await page.locator('[data-key="play"]').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('#incident-panel [role="tab"]').length >= n,
    FIRESTORM.fires,
    {
      timeout: 30_000,
    },
  );
  const live: number[] = [];
  let sampling = true;
  const keeper = (async () => {
    while (sampling) {
      const count = await tabs.count();
      live.push(count);
      if (count < FIRESTORM.fires + 2) await stoke();
      await page.waitForTimeout(500);
    }
  })();
  const sampled = await sampleFrames(page).then(
    (gaps) => ({ gaps }),
    (error: unknown) => ({ error }),
  );
  sampling = false;
  await keeper;
  if ('error' in sampled) throw sampled.error;
  const { gaps } = sampled;
  const phase = await page.locator('#app').getAttribute('data-phase');
  if (phase !== 'playing') throw new Error(`the firestorm round stopped running (phase "${phase}")`);
  const box = await page.locator('#map canvas').boundingBox();
  await context.close();
  const mapSize = box ? `${Math.round(box.width)}x${Math.round(box.height)}` : '900x660';
  return { gaps, live, mapSize };
}

async function bareScene(browser: Browser, base: string, size: string, counts: ReturnType<typeof floorCounts>) {
  const [w, h] = size.split('x');
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(
    `${base}/bench/bare-map.html?texts=${counts.texts}&shapes=${counts.shapes}&flames=${counts.flames}&w=${w}&h=${h}`,
  );
  await page.locator('#map canvas').waitFor();
  const gaps = await sampleFrames(page);
  const renderer = await page.evaluate(() => (window as { bareRenderer?: () => string }).bareRenderer?.() ?? '?');
  await context.close();
  return { gaps, renderer };
}

/** Runs the browser figures, or says in one line why it cannot. */
export async function browserBench(port: number): Promise<BrowserFigures | { skipped: string }> {
  let executablePath: string;
  try {
    const { findChromium } = await import('../scripts/find-browser.mjs');
    executablePath = await findChromium({ install: false });
  } catch (err) {
    return { skipped: `no browser found (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
  const { chromium } = await import('@playwright/test');
  const outDir = await buildPages();
  const { server, url } = await serveFolder(outDir, port);
  const args: string[] = JSON.parse(readFileSync('scripts/chromium-args.json', 'utf8'));
  // Frames as fast as the page can make them, so frame time measures work rather than the display's refresh.
  const browser = await chromium.launch({
    executablePath,
    args: [...args, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const menu: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < MENU_RUNS; i++) {
      menu.push(await timeToButton(browser, `${url}/index.html`, '#overlay button'));
      bare.push(await timeToButton(browser, `${url}/bench/bare-page.html`, 'button'));
    }
    // The two scenes take turns, so a machine that slows down for a while slows both alike.
    const stormGaps: number[] = [];
    const sceneGaps: number[] = [];
    const live: number[] = [];
    let mapSize = '900x660';
    let renderer = '?';
    const counts = floorCounts(FIRESTORM);
    for (let i = 0; i < FRAME_RUNS; i++) {
      const storm = await firestorm(browser, url);
      stormGaps.push(...storm.gaps);
      live.push(...storm.live);
      mapSize = storm.mapSize;
      const scene = await bareScene(browser, url, mapSize, counts);
      sceneGaps.push(...scene.gaps);
      renderer = scene.renderer;
    }
    const sizes = bundleSizes(outDir);
    return {
      browser: `${browser.version()} (${executablePath})`,
      renderer,
      mapSize,
      firestorm: {
        ...figures(stormGaps),
        liveMin: Math.min(...live),
        liveMedian: quantile(live, 0.5),
        ...counts,
      },
      bareScene: figures(sceneGaps),
      menuMs: quantile(menu, 0.5),
      barePageMs: quantile(bare, 0.5),
      gameGzipBytes: sizes.game,
      phaserGzipBytes: sizes.phaser,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
