import { networkInterfaces } from 'node:os';
import { expect, test } from '@playwright/test';
import { readTerminalQr } from '../rooms/terminalQr';
import { closeOwnContexts, device, openConsole, RoomServer, readQr, roomsPort, setUpTable, sit } from './roomServer';

/**
 * A newcomer on another laptop of the venue's network scans the QR code the room server printed and lands in
 * the game. The server listens everywhere, as `npm run rooms -- --host 0.0.0.0` starts it (the script passes
 * `--host` on as HOST); the newcomer's browser opens the address the code carries, this machine's own address
 * on its network, as another laptop would.
 */
const lan = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a?.address as string);
const server = new RoomServer(roomsPort(3), '0.0.0.0');

test.beforeAll(async () => {
  if (lan.length > 0) await server.start();
});
test.afterAll(async () => {
  await server.stop();
});
closeOwnContexts();

test('a newcomer on another laptop opens the game, and then a table, from the QR codes the server printed and the console shows', async ({
  browser,
}) => {
  test.skip(
    lan.length === 0,
    'this machine has no network address but loopback, so no other laptop could reach it: nothing to scan',
  );
  // What the terminal says: the address to give out is one of this machine's network addresses, not loopback.
  const given = /Give out this address[^:]*: (\S+)/.exec(server.output)?.[1] ?? '';
  expect(lan.map((a) => `http://${a}:${server.port}/`)).toContain(given);
  expect(given).not.toContain('127.0.0.1');
  // The code printed under it reads back to that address.
  const scanned = readTerminalQr(server.output);
  expect(scanned).toBe(given);

  // The facilitator's console, on the facilitator's own laptop, shows the same address and code.
  const { page: desk } = await device(browser);
  await openConsole(desk, server.origin);
  await expect(desk.getByTestId('venue-address')).toHaveText(given);
  expect(await readQr(desk.getByTestId('rooms-venue').locator('svg.qr'))).toBe(given);

  // The newcomer's laptop opens what it scanned: the game, served from the venue's address.
  const { page: newcomer } = await device(browser);
  await newcomer.goto(scanned as string);
  await newcomer.locator('#app[data-ready]').waitFor({ state: 'attached' });
  await expect(newcomer.getByRole('button', { name: /Staff the rotation|Start/ }).first()).toBeVisible();
  expect(newcomer.url()).toBe(given);

  // The console sets up the newcomer's table; its QR code carries the join link on the venue's address, and
  // the newcomer sits at the table from it, over the network.
  const code = await setUpTable(desk, 'Newcomers');
  const joinQr = desk.getByTestId('rooms-created').locator('li').last().locator('svg.qr');
  const join = await readQr(joinQr);
  expect(join).toBe(`${given}?table=${code.replace('-', '')}`);
  await sit(newcomer, given.replace(/\/$/, ''), code, 'Noor', 'commander');
  await expect(newcomer.getByTestId('table-code')).toContainText(code);
  await expect(desk.getByTestId('rooms-row').filter({ hasText: 'Newcomers' })).toContainText('Pantry Platform');
});
