import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTableCode, showTableCode, TABLE_CODE_LENGTH, tableCodeFrom } from '../../src/protocol/tableCode';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';

describe('table codes', () => {
  it('read in any case, with dashes and spaces, O as 0 and I or L as 1', () => {
    const code = tableCodeFrom(randomBytes(8));
    expect(code).toHaveLength(TABLE_CODE_LENGTH);
    expect(readTableCode(showTableCode(code).toLowerCase())).toEqual({ ok: true, code });
    expect(readTableCode(` ${code.slice(0, 4)} ${code.slice(4)} `)).toEqual({ ok: true, code });
    const zeroOne = tableCodeFrom(new Uint8Array([0, 1, 0, 1, 0, 1, 0]));
    expect(readTableCode(zeroOne.replace(/0/g, 'o').replace(/1/g, 'l'))).toEqual({ ok: true, code: zeroOne });
  });

  it('refuse every single wrong character and every swap of two neighbours, over two hundred codes', () => {
    for (let n = 0; n < 200; n++) {
      const code = tableCodeFrom(randomBytes(8));
      for (let i = 0; i < code.length; i++) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          expect(readTableCode(code.slice(0, i) + ch + code.slice(i + 1)).ok).toBe(false);
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(readTableCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  it('say what is wrong with a code that cannot be one', () => {
    expect(readTableCode('ABC')).toMatchObject({ ok: false, problem: /8 characters/ });
    expect(readTableCode('ABCD-EFG!')).toMatchObject({ ok: false, problem: /"!" is not/ });
    expect(readTableCode('ABCDUFGH')).toMatchObject({ ok: false, problem: /"U" is not/ });
  });
});
