import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { terminalQr, venueAddresses } from '../../server/venueAddress';
import { readTerminalQr } from './terminalQr';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const loopbackOnly = { lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)] };
const laptop = {
  lo: [nic('127.0.0.1', 'IPv4', true)],
  wlan0: [nic('fe80::1c2b:3ff:fe4d:5e6f', 'IPv6', false), nic('192.168.1.20', 'IPv4', false)],
  eth0: [nic('10.0.0.7', 'IPv4', false)],
};

describe('the venue address', () => {
  it('is each network IPv4 address of the machine when the server listens everywhere, never loopback or IPv6', () => {
    expect(venueAddresses('http', '0.0.0.0', 2567, undefined, laptop)).toEqual([
      'http://192.168.1.20:2567/',
      'http://10.0.0.7:2567/',
    ]);
    expect(venueAddresses('https', '::', 443, undefined, laptop)[0]).toBe('https://192.168.1.20:443/');
  });

  it('falls back to loopback on a machine with no network', () => {
    expect(venueAddresses('http', '0.0.0.0', 2567, undefined, loopbackOnly)).toEqual(['http://127.0.0.1:2567/']);
    expect(venueAddresses('http', '0.0.0.0', 2567, undefined, {})).toEqual(['http://127.0.0.1:2567/']);
  });

  it('is the host the server was told to listen on, and the public address when one is given', () => {
    expect(venueAddresses('http', '10.0.0.7', 2567, undefined, laptop)).toEqual(['http://10.0.0.7:2567/']);
    expect(venueAddresses('http', 'fd00::7', 2567, undefined, laptop)).toEqual(['http://[fd00::7]:2567/']);
    expect(venueAddresses('https', '0.0.0.0', 2567, 'game.example.org', laptop)).toEqual(['https://game.example.org/']);
  });

  it('prints a QR code in the terminal that a reader decodes back to the address', async () => {
    const address = 'http://192.168.1.20:2567/';
    const printed = await terminalQr(address);
    const lines = printed.split('\n').filter((l) => l.length > 0);
    for (const line of lines) expect([...line]).toHaveLength([...(lines[0] ?? '')].length);
    // As it comes out in the terminal, between the lines of the log.
    expect(readTerminalQr(`Give out this address: ${address}\n${printed}\nFacilitator code: x`)).toBe(address);
  });
});
