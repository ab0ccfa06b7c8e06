import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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

/**
 * The door to the console: the code compared in constant time, and each address that gets it wrong waits
 * twice as long as the time before (half a second, then one, two… up to five minutes) before the next try
 * is even compared. A right code resets the address's wait.
 */
export class FacilitatorDoor {
  private readonly expected: Buffer;
  private readonly misses = new Map<string, { count: number; until: number }>();

  constructor(code: string) {
    this.expected = digest(code);
  }

  attempt(address: string, typed: string, now = Date.now()): Attempt {
    const miss = this.misses.get(address);
    if (miss && now < miss.until)
      return {
        ok: false,
        reason: `too many wrong codes from this address: wait ${Math.ceil((miss.until - now) / 1000)} s`,
      };
    if (timingSafeEqual(digest(typed), this.expected)) {
      this.misses.delete(address);
      return { ok: true };
    }
    const count = (miss?.count ?? 0) + 1;
    this.misses.set(address, { count, until: now + Math.min(300_000, 500 * 2 ** (count - 1)) });
    if (this.misses.size > 10_000) this.forgetOld(now);
    return { ok: false, reason: 'wrong facilitator code' };
  }

  private forgetOld(now: number): void {
    for (const [address, miss] of this.misses) if (miss.until < now - 600_000) this.misses.delete(address);
  }
}
