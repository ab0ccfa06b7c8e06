import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Presence } from '@colyseus/core';

/** Crockford's base32, as table codes use it: easy to read aloud and to type. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shortest facilitator code (or passphrase) the server accepts. */
export const MIN_CODE_LENGTH = 12;

/** A new facilitator code: 65 random bits in 13 characters, shown in groups ("7K3M-Q9TX-2BDR-H"). */
export function newFacilitatorCode(): string {
  const bytes = randomBytes(9);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** Why a chosen code or passphrase is too weak, or null. */
export function codeProblem(code: string): string | null {
  return normal(code).length < MIN_CODE_LENGTH
    ? `the facilitator code must have at least ${MIN_CODE_LENGTH} letters or digits (a passphrase is fine)`
    : null;
}

/** Codes compare without case, spaces or dashes, as they are read aloud. */
function normal(code: string): string {
  return String(code).toUpperCase().replace(/[\s-]/g, '');
}

const digest = (text: string) => createHash('sha256').update(normal(text)).digest();

export type Attempt = { ok: true } | { ok: false; reason: string };

const missesKey = (address: string) => `firepants:facilitator:misses:${address}`;
const untilKey = (address: string) => `firepants:facilitator:until:${address}`;
const turnKey = (address: string, misses: number) => `firepants:facilitator:turn:${address}:${misses}`;
/** An address's wrong guesses are forgotten ten minutes after the last one. */
const MISSES_SECONDS = 600;

/**
 * The door to the console: the code compared in constant time, and each address that gets it wrong waits
 * twice as long as the time before (half a second, then one, two… up to five minutes) before the next try
 * is even compared. A right code resets the address's wait. The wrong guesses and the wait live in the
 * presence (Redis when scaled out), so an address waits on every process; and each try takes its turn there
 * first (one comparison per wrong guess so far), so guesses sent to several processes at once, or many at
 * once to one, are compared one at a time and the rest are refused.
 */
export class FacilitatorDoor {
  private readonly expected: Buffer;
  /** Until when each address waits, as this process last read or wrote it: the door's cheap first answer. */
  private readonly waits = new Map<string, number>();

  constructor(
    code: string,
    private readonly presence: Presence,
  ) {
    this.expected = digest(code);
  }

  /**
   * How many seconds the address must still wait before its next try, as far as this process knows without
   * asking the presence (a wait another process set is known here once this process has read it): the
   * server refuses such a try before it reads the request.
   */
  waitFor(address: string, now = Date.now()): number {
    const until = this.waits.get(address) ?? 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    if (until) this.waits.delete(address);
    return 0;
  }

  private noteWait(address: string, until: number, now: number): void {
    if (until <= now) return;
    this.waits.set(address, until);
    if (this.waits.size > 10_000) for (const [a, u] of this.waits) if (u <= now) this.waits.delete(a);
  }

  async attempt(address: string, typed: string, now = Date.now()): Promise<Attempt> {
    // The misses are read before the wait, and written after it: a try that sees a new miss sees its wait.
    const misses = Number(await this.presence.get(missesKey(address))) || 0;
    const until = Number(await this.presence.get(untilKey(address))) || 0;
    this.noteWait(address, until, now);
    if (now < until)
      return { ok: false, reason: `too many wrong codes from this address: wait ${Math.ceil((until - now) / 1000)} s` };
    const turn = turnKey(address, misses);
    if ((await this.presence.incr(turn)) > 1)
      return { ok: false, reason: 'too many wrong codes from this address: wait 1 s' };
    await this.presence.expire(turn, MISSES_SECONDS);
    if (timingSafeEqual(digest(typed), this.expected)) {
      for (let m = 0; m <= Math.min(misses, 64); m++) this.presence.del(turnKey(address, m));
      this.presence.del(missesKey(address));
      this.presence.del(untilKey(address));
      this.waits.delete(address);
      return { ok: true };
    }
    const wait = Math.min(300_000, 500 * 2 ** misses);
    this.noteWait(address, now + wait, now);
    await this.presence.setex(untilKey(address), String(now + wait), Math.ceil(wait / 1000));
    await this.presence.incr(missesKey(address));
    await this.presence.expire(missesKey(address), MISSES_SECONDS);
    return { ok: false, reason: 'wrong facilitator code' };
  }
}
