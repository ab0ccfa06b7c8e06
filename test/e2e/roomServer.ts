import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';

/** The facilitator code every spec's room server is started with. */
export const CODE = 'e2e-facilitator-code';

/**
 * Each spec's room server has a port of its own (`offset` apart), so a spec never meets the previous one's
 * server still going down. E2E_ROOMS_PORT sets the first; else it follows the checkout's E2E_PORT.
 */
export function roomsPort(offset: number): number {
  const first = Number(process.env.E2E_ROOMS_PORT ?? 2700 + (Number(process.env.E2E_PORT ?? 4173) % 90));
  return first + offset * 10;
}

/**
 * `server/index.ts` in a process of its own, as `npm run rooms` starts it (which passes `--host` on as HOST),
 * with its tables kept in a folder of its own. It can be crashed (kill -9) and started again on the same port
 * and folder, as a facilitator restarts the laptop's server in the middle of a session.
 */
export class RoomServer {
  readonly data = mkdtempSync(join(tmpdir(), 'firepants-e2e-rooms-'));
  /** Everything it printed since it was last started. */
  output = '';
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
    private readonly env: Record<string, string> = {},
  ) {}

  /** Where this machine's browsers open it. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: this.host,
        FACILITATOR_CODE: CODE,
        ROOMS_DATA: this.data,
        ...this.env,
      },
      stdio: 'pipe',
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the room server did not start:\n${this.output}`)), 90_000);
      child.stderr?.on('data', (d: Buffer) => {
        this.output += String(d);
      });
      child.stdout?.on('data', (d: Buffer) => {
        this.output += String(d);
        // Started once it has printed the console's address, the last line before the tables it brought back.
        if (this.output.includes('The console:')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the room server exited (${code}):\n${this.output}`));
      });
    });
  }

  /** Stops it as a crash would: kill -9, no goodbye to anyone; resolves once it is gone. */
  async crash(): Promise<void> {
    await this.end('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill(signal);
    await gone;
  }
}

/**
 * Starts the server before a spec's tests and stops it after them. A test that fails gets what the server printed
 * (its refusals, cut-offs, tables brought back and errors) as an attachment beside its trace.
 */
export function serveForSpec(server: RoomServer): void {
  test.beforeAll(async () => {
    await server.start();
  });
  test.afterAll(async () => {
    await server.stop();
  });
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the test's fixtures from this pattern.
  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus)
      await info.attach('room-server-output', { body: server.output || '(nothing)', contentType: 'text/plain' });
  });
  closeOwnContexts();
}

/**
 * Closes the browser contexts a test opened itself (a second laptop, the phones, the projector) when it ends.
 * The worker's browser outlives the test: left open, their pages ran on beside every later test of the worker,
 * each a round, a map drawn several times a second and a connection that kept trying a server long stopped.
 */
export function closeOwnContexts(): void {
  test.afterEach(async ({ browser, context }) => {
    for (const own of browser.contexts()) if (own !== context) await own.close();
  });
}

/** A device of its own: its own storage, so its own seat token or voting device. */
export async function device(
  browser: Browser,
  viewport = { width: 1280, height: 720 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

/** The facilitator's console, open with the code. */
export async function openConsole(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/rooms.html`);
  await page.getByLabel(/Facilitator code/).fill(CODE);
  await page.getByRole('button', { name: 'Open the console' }).click();
  await expect(page.getByTestId('rooms-setup')).toBeVisible();
}

/** How the console sets its tables up: the form's fields, by their labels. */
export interface TableSetup {
  /** One name, or several separated by commas (one table each). */
  names: string;
  count?: number;
  scenario?: string;
  seed?: number;
  weeks?: number;
  demo?: boolean;
  /** Whether each table stops by itself when its pager goes off (the form's default: yes). */
  autoPause?: boolean;
}

/** Sets up tables from the console and returns their codes as shown ("ABCD-EFGH"), in the order named. */
export async function setUpTables(page: Page, setup: TableSetup): Promise<string[]> {
  const before = await page.getByTestId('rooms-created').locator('li').count();
  const count = setup.count ?? setup.names.split(',').length;
  await page.getByLabel('Tables', { exact: true }).fill(String(count));
  await page.getByLabel('Named').fill(setup.names);
  if (setup.scenario) await page.getByLabel('Scenario', { exact: true }).selectOption({ label: setup.scenario });
  if (setup.seed !== undefined) await page.getByLabel('Seed', { exact: true }).fill(String(setup.seed));
  if (setup.weeks !== undefined) await page.getByLabel('Weeks', { exact: true }).selectOption(String(setup.weeks));
  await page.getByLabel(/pause when the pager goes off/).setChecked(setup.autoPause ?? true);
  if (setup.demo) await page.getByLabel(/demo table/).check();
  else await page.getByLabel(/demo table/).uncheck();
  await page.getByRole('button', { name: 'Set up the tables' }).click();
  const rows = page.getByTestId('rooms-created').locator('li');
  await expect(rows).toHaveCount(before + count);
  const codes: string[] = [];
  for (let i = before; i < before + count; i++) codes.push((await rows.nth(i).locator('.code').textContent()) ?? '');
  return codes;
}

/** Sets up one table from the console and returns its code as shown ("ABCD-EFGH"). */
export async function setUpTable(page: Page, label: string, demo = false): Promise<string> {
  const [code] = await setUpTables(page, { names: label, count: 1, demo });
  const row = page.getByTestId('rooms-created').locator('li').last();
  await expect(row).toContainText(label);
  return code ?? '';
}

/** Sits at a table by its link, or (typed) by its code read aloud, with a name and a seat. */
export async function sit(
  page: Page,
  origin: string,
  code: string,
  name: string,
  seat: string,
  typed = false,
): Promise<void> {
  await page.goto(typed ? `${origin}/?table=` : `${origin}/?table=${code.replace('-', '')}`);
  if (typed) await page.getByLabel(/Table code/).fill(code.toLowerCase());
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your seat').selectOption(seat);
  await page.getByRole('button', { name: 'Sit at the table' }).click();
  await expect(page.locator('#app')).toHaveAttribute('data-phase', /playing|paused/);
}

/** What a table's screen shows of its world: the game minute and the web team's reliability share. */
export const world = (page: Page) =>
  page.evaluate(() => {
    const s = window.__firepants?.snapshot();
    return { now: s?.now ?? -1, web: s?.teams.web?.reliabilityShare ?? -1 };
  });

/** Reads a QR code drawn as SVG on a page (the console's and the projector's) back to its text. */
export async function readQr(svg: Locator): Promise<string | null> {
  const size = 400;
  // A page that lost its server shows no code: say so within the expect's time instead of waiting out the test's.
  await expect(svg).toBeVisible();
  const pixels = await svg.evaluate(async (node, n) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(node))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = n;
    canvas.height = n;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, n, n);
    g.drawImage(img, 0, 0, n, n);
    return Array.from(g.getImageData(0, 0, n, n).data);
  }, size);
  return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null;
}
