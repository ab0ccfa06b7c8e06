import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Presence } from '@colyseus/core';
import type { WebSocketTransport } from '@colyseus/ws-transport';
import { FACILITATOR_ROOM } from '../src/protocol/facilitator';
import { TABLE_ROOM } from '../src/protocol/table';
import { addressOf, settleAddress } from './addresses';
import { coolingDown, guardSocket, type RawSocket } from './budget';
import type { FacilitatorDoor } from './facilitatorCode';
import { logRefusal } from './refusals';
import type { RoomSettings } from './settings';
import { ConnectionsByAddress, SharedBuckets } from './sharedCaps';
import { BucketsByKey } from './tokenBucket';
import { turns } from './turns';

/** Asking the matchmaker for a table by its kind rather than its code. */
const TABLE_BY_NAME = new RegExp(`/matchmake/(joinOrCreate|join|create)/${TABLE_ROOM}(\\?|$)`);
/** Asking for the console (with the facilitator code in the body). */
const CONSOLE = new RegExp(`/matchmake/(joinOrCreate|join|create)/${FACILITATOR_ROOM}(\\?|$)`);

/** The largest matchmaking request (a seat or a device token); anything bigger is refused unread. */
export const MAX_REQUEST_BYTES = 16 * 1024;
/** The largest message a screen or the console may send up (a scenario file for a table fits). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * Whether a page at `origin` may use this server: a request without an Origin is not a browser page
 * (scripts and tests), the page's own address is, and so is any origin the server was told to allow.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The connect-src of the pages' policy: this server and the other processes of the event. */
export function contentSecurityPolicy(extraConnect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self'",
    `connect-src 'self'${extraConnect.map((o) => ` ${o}`).join('')}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Web socket addresses for the allowed origins (the other processes' pages talk to them). */
export function socketOrigins(origins: readonly string[]): string[] {
  return origins.flatMap((o) => (o.startsWith('https:') ? [o, `wss:${o.slice(6)}`] : [o, `ws:${o.slice(5)}`]));
}

/** The policy for each set of settings, written once: every request carries it. */
const policies = new WeakMap<RoomSettings, string>();

export function securityHeaders(res: ServerResponse, settings: RoomSettings, tls: boolean): void {
  let policy = policies.get(settings);
  if (policy === undefined) {
    policy = contentSecurityPolicy(socketOrigins(settings.allowedOrigins));
    policies.set(settings, policy);
  }
  res.setHeader('Content-Security-Policy', policy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (tls) res.setHeader('Strict-Transport-Security', 'max-age=15552000');
}

/**
 * Stands at the door of the HTTP server, before the room library and the game's files: every request gets
 * the security headers; a page from another origin, a matchmaking request too large or too frequent from
 * one address, and a web socket beyond its address's share are refused, each with one line in the log.
 * The cheap refusals come first (origin, kind of request, size, this process's own count of the address's
 * requests); only a request that passed them all asks the presence (Redis when scaled out) for its turn.
 */
export class Doorman {
  readonly connections: ConnectionsByAddress;
  /** This process's count of an address's matchmaking requests: a flood of one process is refused here. */
  private readonly matchmaking: BucketsByKey;
  /** Every process's count of them, in the presence: an address spreading its requests is refused too. */
  private readonly matchmakingEverywhere: SharedBuckets;

  constructor(
    private readonly settings: RoomSettings,
    private readonly tls: boolean,
    presence: Presence,
    processId: () => string,
    private readonly consoleDoor: FacilitatorDoor,
  ) {
    this.connections = new ConnectionsByAddress(presence, processId, settings.connectionsPerAddress);
    this.matchmaking = new BucketsByKey(settings.matchmakingPerAddress);
    this.matchmakingEverywhere = new SharedBuckets(presence, 'matchmaking', settings.matchmakingPerAddress);
  }

  /** Puts the doorman in front of every request handler the server has now (the room library's included). */
  guard(server: HttpServer): void {
    const inner = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const pass = () => {
        for (const handler of inner) handler.call(server, req, res);
      };
      const verdict = this.admit(req, res);
      // The game's files are served at once; a join waits its turn.
      if (verdict === true && !String(req.url).includes('/matchmake/')) pass();
      else if (verdict === true) turns.run(pass);
      else if (verdict !== false) void verdict.then((ok) => ok && turns.run(pass));
    });
  }

  /** True or false at once, or (for a matchmaking request that passed the cheap checks) once the presence answers. */
  private admit(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
    const address = settleAddress(req, this.settings.trustedProxies);
    securityHeaders(res, this.settings, this.tls);
    const origin = req.headers.origin;
    // The matchmaker's callers read its answers as JSON, `error` the reason; a page's reader reads text.
    const matchmaking = String(req.url).includes('/matchmake/');
    const type = matchmaking ? 'application/json' : 'text/plain; charset=utf-8';
    const refuse = (status: number, reason: string) => {
      logRefusal(address, `${req.method} ${String(req.url).slice(0, 60)}`, reason);
      const body = matchmaking ? JSON.stringify({ code: status, error: reason }) : `${reason}\n`;
      const length = Number(req.headers['content-length'] ?? 0);
      if (Number.isFinite(length) && length <= MAX_REQUEST_BYTES) {
        // A small body is read and dropped: the connection stays open for the client's next request. A client
        // over its rate waits a second for the answer, so hammering the door gains it nothing; answers that fall
        // due together (a script's batch) go out one a turn, between the tables' messages.
        req.resume();
        const answer = () => {
          res.writeHead(status, { 'Content-Type': type });
          res.end(body);
        };
        if (status === 429) setTimeout(() => turns.run(answer), 1000).unref();
        else answer();
      } else {
        // A large body is never read: the connection closes once the answer is out.
        res.writeHead(status, { 'Content-Type': type, Connection: 'close' });
        res.end(body, () => req.socket.destroy());
      }
      return false;
    };
    if (!originAllowed(origin, req.headers.host, this.settings.allowedOrigins))
      return refuse(403, `a page from ${String(origin).slice(0, 80)} may not use this server`);
    if (!matchmaking) return true;
    const wait = coolingDown(address);
    if (wait > 0) return refuse(429, `this address was cut off for flooding: wait ${wait} s`);
    const tooMany = 'too many requests from this address';
    if (!this.matchmaking.take(address)) return refuse(429, tooMany);
    // Tables are joined by their code only; the console sets them up.
    if (TABLE_BY_NAME.test(String(req.url))) return refuse(403, 'a table is joined by its code');
    // A guess at the console's code while the address still waits after a wrong one is refused unread.
    const guessWait = CONSOLE.test(String(req.url)) ? this.consoleDoor.waitFor(address) : 0;
    if (guessWait > 0) return refuse(429, `too many wrong codes from this address: wait ${guessWait} s`);
    if (req.method === 'POST') {
      const length = Number(req.headers['content-length']);
      if (!Number.isFinite(length)) return refuse(411, 'a request needs its length');
      if (length > MAX_REQUEST_BYTES) return refuse(413, `a request may have ${MAX_REQUEST_BYTES} bytes at most`);
    }
    return this.matchmakingEverywhere.take(address).then(
      (ok) => ok || refuse(429, tooMany),
      (err: unknown) => refuse(503, `the request count could not be read (${String(err).slice(0, 80)})`),
    );
  }

  /**
   * Puts every new web socket on its budget (see `guardSocket`) before the room library hears any of its
   * messages.
   */
  watchSockets(transport: WebSocketTransport): void {
    type Sockets = { prependListener(e: 'connection', on: (s: RawSocket, req: IncomingMessage) => void): void };
    const sockets = (transport as unknown as { wss: Sockets }).wss;
    sockets.prependListener('connection', (socket, req) => guardSocket(socket, addressOf(req)));
  }

  /**
   * The web socket's check: origin, and the address's share of connections over every process (released
   * when the socket closes). When the count cannot be read (Redis away), the socket is refused.
   */
  verifyClient = (
    info: { origin?: string; req: IncomingMessage },
    done: (ok: boolean, code?: number, message?: string) => void,
  ): void => {
    const req = info.req;
    const address = settleAddress(req, this.settings.trustedProxies);
    const origin = req.headers.origin;
    if (!originAllowed(origin, req.headers.host, this.settings.allowedOrigins)) {
      logRefusal(address, 'web socket', `a page from ${String(origin).slice(0, 80)} may not use this server`);
      done(false, 403, 'Forbidden');
      return;
    }
    if (coolingDown(address) > 0) {
      logRefusal(address, 'web socket', 'this address was cut off for flooding');
      done(false, 429, 'Too Many Requests');
      return;
    }
    this.connections.admit(address).then(
      (ok) => {
        if (!ok) {
          logRefusal(address, 'web socket', `more than ${this.connections.cap} connections from this address`);
          done(false, 429, 'Too Many Connections');
          return;
        }
        turns.run(() => {
          if (req.socket.destroyed) {
            this.connections.release(address);
            return;
          }
          req.socket.once('close', () => this.connections.release(address));
          done(true);
        });
      },
      (err: unknown) => {
        logRefusal(address, 'web socket', `the connection count could not be read (${String(err).slice(0, 80)})`);
        done(false, 503, 'Service Unavailable');
      },
    );
  };
}
