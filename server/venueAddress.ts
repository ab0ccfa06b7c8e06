import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

/** Whether a host to listen on means every interface (then the venue's addresses are the machine's own). */
const everywhere = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/**
 * The server's addresses as the venue reaches them, the one to give out first: this process's public address
 * when several processes share an event, the host it was told to listen on, or else every network address of
 * the machine (IPv4, not loopback). Loopback comes last: it only works on this machine.
 */
export function venueAddresses(
  scheme: string,
  host: string,
  port: number,
  publicAddress?: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (publicAddress) return [`${scheme}://${publicAddress}/`];
  const lan = everywhere(host)
    ? Object.values(interfaces)
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => `${scheme}://${a?.address}:${port}/`)
    : [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  return lan.length > 0 ? lan : [`${scheme}://127.0.0.1:${port}/`];
}

/**
 * A QR code of the address for the terminal: half-block characters, dark modules drawn as blocks (as on a light
 * terminal), with its quiet zone. A phone's camera reads it off the laptop's screen.
 */
export function terminalQr(address: string): Promise<string> {
  return QRCode.toString(address, { type: 'utf8', errorCorrectionLevel: 'M' });
}
