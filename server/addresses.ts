import type { IncomingMessage } from 'node:http';

/** "::ffff:127.0.0.1" → "127.0.0.1". */
function plain(address: string | undefined): string {
  const a = address ?? 'unknown';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

/**
 * The address a request comes from: the socket's, or, when the socket is a proxy the server was told to
 * trust (`TRUSTED_PROXIES`), the last address that proxy added to X-Forwarded-For. A header from anyone
 * else is ignored, so nobody picks their own address. The room library reads `x-real-ip` first, so the
 * address is written there for it.
 */
export function settleAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const socket = plain(req.socket.remoteAddress);
  let address = socket;
  if (trustedProxies.includes(socket)) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    address = plain(forwarded.at(-1) ?? socket).slice(0, 64);
  }
  req.headers['x-real-ip'] = address;
  return address;
}

/** The address settled for a request earlier (see `settleAddress`). */
export function addressOf(context: { ip?: unknown; headers?: Record<string, unknown> } | undefined): string {
  const ip = context?.headers?.['x-real-ip'] ?? context?.ip;
  return typeof ip === 'string' ? ip : 'unknown';
}
