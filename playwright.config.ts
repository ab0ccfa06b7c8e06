import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded everywhere; scripts/find-browser.mjs sets CHROMIUM_PATH, else use Debian's Chromium.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Each checkout may serve its own build on its own port (E2E_PORT), so parallel test runs never share a server.
const port = Number(process.env.E2E_PORT) || 4173;

const chromiumArgs: string[] = JSON.parse(
  readFileSync(new URL('./scripts/chromium-args.json', import.meta.url), 'utf8'),
);

export default defineConfig({
  testDir: 'test/e2e',
  // A budget, not a measure: tests wait on the page's state, and on a machine running a second test run beside
  // this one a room test with a server restart took over 90 s.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // Two specs at a time where there are two cores (the whole suite passed so in 10.0 min against 13.9 min one at a
  // time); E2E_WORKERS sets it, and `npm test` sets it to one while another test run is on the machine.
  workers: Number(process.env.E2E_WORKERS) || Math.min(2, availableParallelism()),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // Serves the build made by `npm test` (vite build --mode test → dist).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
