import { expect, type Page, test } from '@playwright/test';
import { pictureAtVenueSizes } from './helpers';
import { device, openConsole, RoomServer, roomsPort, serveForSpec } from './roomServer';

/**
 * A conference talk: twenty phones in the audience vote, and the projector counts them down to the result.
 * Every phone here comes from this machine's one address, where at a venue each has its own: the server is
 * told to take more new voting devices from one address than the twenty it takes by default.
 */
const server = new RoomServer(roomsPort(2), '127.0.0.1', { ROOMS_DEVICES_PER_ADDRESS: '40' });
const ORIGIN = server.origin;

serveForSpec(server);

const PHONES = 20;
/** What each phone answers: twelve say Comms, five Ops, three Dev. */
const answer = (i: number) => (i < 12 ? 'Comms' : i < 17 ? 'Ops' : 'Dev');

test('twenty phones vote; the projector counts phones and votes, shows no result while the countdown runs, then the result large', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: desk } = await device(browser);
  await openConsole(desk, ORIGIN);
  const { page: screen } = await device(browser, { width: 1920, height: 1080 });
  await screen.goto((await desk.getByTestId('projector-link').getAttribute('href')) ?? '');
  await expect(screen.getByTestId('projector-address')).toHaveText(/^127\.0\.0\.1:\d+$/);

  // Twenty phones, each a device of its own with its own token; the last one's clock is ten minutes fast.
  const phones: Page[] = [];
  for (let batch = 0; batch < PHONES; batch += 5)
    phones.push(
      ...(await Promise.all(
        Array.from({ length: 5 }, async (_, j) => {
          const { page } = await device(browser, { width: 390, height: 844 });
          if (batch + j === PHONES - 1) {
            await page.clock.install({ time: Date.now() + 10 * 60_000 });
            await page.clock.resume();
          }
          await page.goto(`${ORIGIN}/vote`);
          await expect(page.getByTestId('vote-waiting')).toBeVisible();
          return page;
        }),
      )),
    );
  await expect(screen.getByTestId('projector-address')).toBeVisible();

  await desk.getByLabel('Question', { exact: true }).fill('Who pages first?');
  await desk.locator('#vote-options').fill('Ops, Comms, Dev');
  await desk.getByLabel(/Countdown in seconds/).fill('20');
  await desk.getByRole('button', { name: 'Open the vote' }).click();
  await expect(screen.getByTestId('projector-address')).toHaveText(/\/vote$/);
  await expect(screen.getByTestId('projector-votes')).toHaveText('20 phones connected · 0 votes cast');

  // The phone with the wrong clock counts down by the server's: it shows the 20 s, not a vote already over.
  const late = phones[PHONES - 1] as Page;
  await expect(late.getByTestId('vote-state')).toContainText(/Closes in 0:(1\d|20)\./);
  for (const [i, p] of phones.entries()) {
    await expect(p.getByTestId('vote-question')).toHaveText('Who pages first?');
    await p.getByRole('button', { name: answer(i), exact: true }).click();
    await expect(p.getByTestId('vote-state')).toContainText('Counted');
  }
  await expect(screen.getByTestId('projector-votes')).toHaveText('20 phones connected · 20 votes cast');
  // While it is open nobody sees which way it goes, neither on the projector nor on a phone.
  await expect(screen.getByTestId('projector-countdown')).toHaveText(/^0:[01]\d$/);
  await expect(screen.getByTestId('projector-result')).toHaveCount(0);
  await expect(screen.getByTestId('projector-vote')).not.toContainText('%');
  await expect(phones[0]!.getByTestId('vote-state')).not.toContainText('chose');
  await pictureAtVenueSizes(screen, 'audience-projector-voting');
  await late.screenshot({ path: 'test-results/audience-phone-countdown.png' });

  // Nobody closes it: the countdown does, and the projector shows the result large, and every phone hears it.
  await expect(screen.getByTestId('projector-result')).toHaveText('Comms', { timeout: 30_000 });
  await expect(screen.getByTestId('projector-vote')).toContainText('12 (60%)');
  await expect(screen.getByTestId('projector-vote')).toContainText('5 (25%)');
  await expect(screen.getByTestId('projector-vote')).toContainText('3 (15%)');
  for (const p of phones) await expect(p.getByTestId('vote-state')).toContainText('The audience chose: Comms');
  await expect(desk.getByTestId('rooms-result')).toContainText('The audience chose: Comms');
  await pictureAtVenueSizes(screen, 'audience-projector-result');
});
