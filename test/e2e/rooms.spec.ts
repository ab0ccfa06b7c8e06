import { expect, type Page, test } from '@playwright/test';
import {
  openConsole as openConsoleAt,
  RoomServer,
  readQr,
  roomsPort,
  serveForSpec,
  setUpTable,
  sit as sitAt,
  world,
} from './roomServer';

const server = new RoomServer(roomsPort(0));
const PORT = server.port;
const ORIGIN = server.origin;

serveForSpec(server);

const openConsole = (page: Page) => openConsoleAt(page, ORIGIN);
const sit = (page: Page, code: string, name: string, seat: string, typed = false) =>
  sitAt(page, ORIGIN, code, name, seat, typed);

test('the console sets a table up; two screens join by its code, see the same world, and ride out a restart of the server', async ({
  browser,
}) => {
  const desk = await (await browser.newContext()).newPage();
  await openConsole(desk);
  const code = await setUpTable(desk, 'Blue');
  expect(code).toMatch(/^[0-9A-Y]{4}-[0-9A-Y]{4}$/);
  await expect(desk.getByTestId('rooms-created')).toContainText(`${ORIGIN}/?table=${code.replace('-', '')}`);

  const ada = await (await browser.newContext()).newPage();
  const bao = await (await browser.newContext()).newPage();
  await sit(ada, code, 'Ada', 'commander');
  await expect(ada.getByTestId('table-code')).toContainText(code);
  // Bao types the code as read aloud, in lower case with its dash.
  await sit(bao, code, 'Bao', 'ops', true);

  // A mistyped code is refused on the form, not sent to another table.
  const typo = await (await browser.newContext()).newPage();
  await typo.goto(`${ORIGIN}/?table=`);
  await typo.getByLabel(/Table code/).fill(`${code.slice(0, 8)}${code[8] === '0' ? '1' : '0'}`);
  await typo.getByRole('button', { name: 'Sit at the table' }).click();
  await expect(typo.getByRole('alert')).toContainText('typo');

  // One decides; the other's screen shows it, from the server's log.
  await ada.evaluate(() => window.__firepants?.dispatch({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.4 }));
  await expect.poll(async () => (await world(bao)).web).toBe(0.4);

  // Time runs on the server: one resumes, both clocks move together; one pauses, both stop at the same minute.
  await bao.evaluate(() => window.__firepants?.store.resume());
  await expect.poll(async () => (await world(ada)).now, { timeout: 15_000 }).toBeGreaterThan(30);
  await ada.evaluate(() => window.__firepants?.store.pause());
  await expect(bao.locator('#app')).toHaveAttribute('data-phase', 'paused');
  await expect.poll(async () => (await world(ada)).now).toBe((await world(bao)).now);

  // A spectator's command is refused by the server with a message on their screen.
  const cy = await (await browser.newContext()).newPage();
  await sit(cy, code, 'Cy', 'spectator');
  await cy.evaluate(() => window.__firepants?.dispatch({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.1 }));
  await expect
    .poll(() => cy.evaluate(() => window.__firepants?.store.view.message ?? ''))
    .toContain('spectators watch');
  expect((await world(ada)).web).toBe(0.4);
  // A second Ada is refused.
  const eve = await (await browser.newContext()).newPage();
  await eve.goto(`${ORIGIN}/?table=${code}`);
  await eve.getByLabel('Your name').fill('Ada');
  await eve.getByRole('button', { name: 'Sit at the table' }).click();
  await expect(eve.getByRole('alert')).toContainText('already sits at this table');

  // The server dies and comes back: the screens say so while they wait, then catch up without a reload.
  const minute = (await world(ada)).now;
  await server.crash();
  await expect(ada.getByTestId('table-notice')).toContainText('The room server is back in a moment');
  await ada.screenshot({ path: 'test-results/rooms-restarting.png' });
  await server.start();
  await expect(ada.getByTestId('table-notice')).toContainText('Back at the table', { timeout: 10_000 });
  await expect(bao.getByTestId('table-notice')).toContainText('Back at the table', { timeout: 10_000 });
  expect((await world(ada)).now).toBeGreaterThanOrEqual(minute);
  expect((await world(bao)).web).toBe(0.4);
  await bao.evaluate(() => window.__firepants?.dispatch({ type: 'setTeamFocus', team: 'web', reliabilityShare: 0.6 }));
  await expect.poll(async () => (await world(ada)).web).toBe(0.6);
  await ada.screenshot({ path: 'test-results/rooms-table.png' });
});

test('the console over every table pauses them all, and the audience’s vote on phones frames a demo table’s retro', async ({
  browser,
}) => {
  const desk = await (await browser.newContext()).newPage();
  // A wrong code is refused; the right one opens the console (after the wait a wrong guess costs).
  await desk.goto(`${ORIGIN}/rooms.html`);
  await desk.getByLabel(/Facilitator code/).fill('a-wrong-guess-here');
  await desk.getByRole('button', { name: 'Open the console' }).click();
  await expect(desk.getByTestId('rooms-message')).toContainText('not this server');
  await desk.waitForTimeout(600);
  await openConsole(desk);
  const code = await setUpTable(desk, 'Demo', true);

  // The projector sits at the demo table: a bot plays it.
  const projector = await (await browser.newContext()).newPage();
  await sit(projector, code, 'Projector', 'spectator');
  const demoRow = desk.getByTestId('rooms-row').filter({ hasText: code });
  await expect(demoRow).toContainText('(demo)');
  await desk.getByRole('button', { name: /^(Start|Resume) every table$/ }).click();
  await expect(demoRow).toContainText('waiting for the audience', { timeout: 30_000 });
  await desk.getByRole('button', { name: 'Pause every table' }).click();
  await expect(projector.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // Three phones vote; the console closes the vote and feeds the winner to the demo table.
  const phones = await Promise.all([1, 2, 3].map(async () => (await browser.newContext()).newPage()));
  for (const p of phones) {
    await p.goto(`${ORIGIN}/vote.html`);
    await expect(p.getByTestId('vote-waiting')).toBeVisible();
  }
  // No countdown: the presenter closes this one.
  await desk.getByLabel(/Countdown in seconds/).fill('0');
  await desk.getByRole('button', { name: 'Open the vote' }).click();
  for (const [i, p] of phones.entries()) {
    await expect(p.getByTestId('vote-question')).toHaveText('Blame or blameless?');
    await p.getByRole('button', { name: i === 0 ? 'Blame' : 'Blameless', exact: true }).click();
    await expect(p.getByTestId('vote-state')).toContainText('Counted');
  }
  await expect(desk.getByTestId('rooms-tally')).toContainText('Blameless: 2');
  // A phone reloads: its vote is still its own, not a new one.
  await phones[1]!.reload();
  await expect(phones[1]!.getByTestId('vote-state')).toContainText('Counted');
  await expect(desk.getByTestId('rooms-tally')).toContainText('Blameless: 2');
  await desk.getByLabel('Demo table that takes the result').selectOption(code.replace('-', ''));
  await desk.getByRole('button', { name: 'Close the vote' }).click();
  await expect(desk.getByTestId('rooms-result')).toContainText('The audience chose: Blameless. The demo table frames');
  await expect(phones[2]!.getByTestId('vote-state')).toContainText('The audience chose: Blameless');
  await expect
    .poll(() =>
      projector.evaluate(() =>
        Object.values(window.__firepants?.snapshot()?.retros ?? {}).some((r) => r.framing === 'blameless'),
      ),
    )
    .toBe(true);
  await desk.screenshot({ path: 'test-results/rooms-console.png', fullPage: true });
  await phones[0]!.screenshot({ path: 'test-results/rooms-vote.png' });
});

test('the projector shows the vote’s address as a QR code, the phones and votes but no result until the countdown closes it, then the result', async ({
  browser,
}) => {
  // The countdown alone is three quarters of a minute.
  test.setTimeout(180_000);
  const desk = await (await browser.newContext()).newPage();
  await openConsole(desk);
  await expect(desk.getByTestId('venue-address')).toHaveText(`${ORIGIN}/`);
  const link = (await desk.getByTestId('projector-link').getAttribute('href')) ?? '';
  expect(link).toMatch(/\/projector\.html#[\w-]{22}$/);
  // Without its key the projector page opens nothing.
  const guess = await (await browser.newContext()).newPage();
  await guess.goto(link.replace(/#.*/, '#not-the-key-at-all'));
  await expect(guess.getByRole('status')).toContainText('projector link');
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto(link);
  // The game's address, or the vote's once the room has voted (an earlier test held a vote).
  await expect(screen.getByTestId('projector-address')).toHaveText(new RegExp(`^127\\.0\\.0\\.1:${PORT}(/vote)?$`));

  // Phones open the short address the projector shows.
  const phones = await Promise.all(
    [1, 2, 3].map(async () => (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()),
  );
  for (const p of phones) {
    await p.goto(`${ORIGIN}/vote`);
    await expect(p.getByTestId('vote-question').or(p.getByTestId('vote-waiting'))).toBeVisible();
  }
  await desk.getByLabel('Question', { exact: true }).fill('Who pages first?');
  await desk.locator('#vote-options').fill('Ops, Comms');
  // Three quarters of a minute: long enough for three phones to vote on a machine busy with another test run. Only
  // what must happen while the vote is open happens before the countdown ends; the QR code is read after it.
  await desk.getByLabel(/Countdown in seconds/).fill('45');
  await desk.getByRole('button', { name: 'Open the vote' }).click();
  await expect(screen.getByTestId('projector-address')).toHaveText(`127.0.0.1:${PORT}/vote`);

  for (const [i, p] of phones.entries()) {
    await expect(p.getByTestId('vote-question')).toHaveText('Who pages first?');
    await expect(p.getByTestId('vote-state')).toContainText(/Closes in 0:[0-4]\d/);
    await p.getByRole('button', { name: i === 0 ? 'Ops' : 'Comms', exact: true }).click();
    await expect(p.getByTestId('vote-state')).toContainText('Counted');
  }
  await expect(screen.getByTestId('projector-votes')).toContainText(/[3-9] phones connected · 3 votes cast/);
  await expect(screen.getByTestId('projector-countdown')).toHaveText(/^0:[0-4]\d$/);
  // While it is open nobody sees which way it goes.
  await expect(screen.getByTestId('projector-result')).toHaveCount(0);
  await expect(screen.getByTestId('projector-vote')).not.toContainText('%');
  await screen.screenshot({ path: 'test-results/rooms-projector-voting.png' });
  await phones[0]!.screenshot({ path: 'test-results/rooms-vote-countdown.png' });
  // Nobody closes it: the countdown does, and the projector shows the result large.
  await expect(screen.getByTestId('projector-result')).toHaveText('Comms', { timeout: 60_000 });
  await expect(screen.getByTestId('projector-vote')).toContainText('2 (67%)');
  await expect(phones[0]!.getByTestId('vote-state')).toContainText('The audience chose: Comms');
  await expect(desk.getByTestId('rooms-result')).toContainText('The audience chose: Comms');
  await screen.screenshot({ path: 'test-results/rooms-projector-result.png' });
  // The projector still shows the vote's address, and its QR code reads back as it.
  await expect(screen.getByTestId('projector-address')).toHaveText(`127.0.0.1:${PORT}/vote`);
  expect(await readQr(screen.locator('svg.qr'))).toBe(`${ORIGIN}/vote`);
});

test('at a room table each screen sees its own seat’s view: the commander the people, ops the investigation', async ({
  browser,
}) => {
  const desk = await (await browser.newContext()).newPage();
  await openConsole(desk);
  const code = await setUpTable(desk, 'Roles');
  const ada = await (await browser.newContext()).newPage();
  const bao = await (await browser.newContext()).newPage();
  await sit(ada, code, 'Ada', 'commander');
  await sit(bao, code, 'Bao', 'ops');

  // The facilitator sets a fire at this table from the console.
  await desk.getByLabel('Table to set a fire at').selectOption(code.replace('-', ''));
  await desk.getByLabel('Service to set on fire', { exact: true }).selectOption('pantry-db');
  await desk.getByRole('button', { name: 'Set it on fire' }).click();
  await ada.evaluate(() => window.__firepants?.store.resume());
  await expect(ada.getByTestId('incident-phase')).toContainText(/paging|acknowledged|investigating/, {
    timeout: 30_000,
  });
  await ada.evaluate(() => window.__firepants?.store.pause());
  await expect(bao.locator('#app')).toHaveAttribute('data-phase', 'paused');

  // No tabs at a room table: each screen is its seat.
  await expect(ada.getByTestId('role-tabs')).toHaveCount(0);
  await expect(ada.getByTestId('incident-people')).toBeVisible();
  await expect(ada.locator('[data-key^="step-"]')).toHaveCount(0);
  await expect(ada.locator('[data-key="mitigate-scale-up"]')).toHaveCount(0);
  await expect(bao.getByTestId('incident-people')).toHaveCount(0);
  await expect(bao.locator('[data-key="mitigate-scale-up"]')).toBeVisible();
  await ada.screenshot({ path: 'test-results/rooms-commander.png' });
  await bao.screenshot({ path: 'test-results/rooms-ops.png' });
});
