/**
 * A table's code, read aloud and typed on phones: seven characters and a check character from Crockford's
 * base32 without Z (no I, L, O, U or Z to mishear), any case, dashes and spaces ignored, O read as 0 and I or L
 * as 1. The check character is a weighted sum modulo 31, so one wrong character or two swapped neighbours
 * never reach another table: the code is refused instead.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const BASE = ALPHABET.length;
const BODY = 7;

export const TABLE_CODE_LENGTH = BODY + 1;

function checkOf(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i] as string);
  return ALPHABET[sum % BASE] as string;
}

/** A new code from random bytes (at least seven), e.g. `crypto.getRandomValues(new Uint8Array(7))`. */
export function tableCodeFrom(random: Uint8Array): string {
  let body = '';
  for (let i = 0; i < BODY; i++) body += ALPHABET[(random[i] ?? 0) % BASE];
  return body + checkOf(body);
}

export type TableCodeRead = { ok: true; code: string } | { ok: false; problem: string };

/** Reads a typed code into its canonical form (upper case, no dashes), or says what is wrong. Never throws. */
export function readTableCode(typed: unknown): TableCodeRead {
  const text = String(typed ?? '')
    .slice(0, 40)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== TABLE_CODE_LENGTH)
    return { ok: false, problem: `a table code has ${TABLE_CODE_LENGTH} characters; that one has ${text.length}` };
  for (const ch of text)
    if (!ALPHABET.includes(ch)) return { ok: false, problem: `"${ch}" is not a character used in table codes` };
  if (checkOf(text.slice(0, BODY)) !== text[BODY])
    return { ok: false, problem: 'its last character does not check out, so there is a typo: read it again' };
  return { ok: true, code: text };
}

/** "ABCD-EFGH": the code as shown and read aloud. */
export function showTableCode(code: string): string {
  return code.length === TABLE_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
