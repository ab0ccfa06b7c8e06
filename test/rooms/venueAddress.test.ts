import type { NetworkInterfaceInfo } from 'node:os';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { terminalQr, venueAddresses } from '../../server/venueAddress';

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
    // Each character is two modules, one above the other: █ both dark, ▀ the top, ▄ the bottom, a space neither.
    const lines = printed.split('\n').filter((l) => l.length > 0);
    const width = [...(lines[0] ?? '')].length;
    const rows: boolean[][] = [];
    for (const line of lines) {
      const chars = [...line];
      expect(chars).toHaveLength(width);
      rows.push(chars.map((c) => c === '█' || c === '▀'));
      rows.push(chars.map((c) => c === '█' || c === '▄'));
    }
    const scale = 4;
    const w = width * scale;
    const hgt = rows.length * scale;
    const pixels = new Uint8ClampedArray(w * hgt * 4);
    for (let y = 0; y < hgt; y++)
      for (let x = 0; x < w; x++) {
        const v = rows[Math.floor(y / scale)]?.[Math.floor(x / scale)] ? 0 : 255;
        pixels.set([v, v, v, 255], (y * w + x) * 4);
      }
    expect(jsQR(pixels, w, hgt)?.data).toBe(address);
  });
});
