/**
 * JSON with comments (the scenario template's `.jsonc`): `// line` and `/* block *\/` comments and a comma before a
 * closing bracket are blanked out, everywhere outside strings, so `"http://host"` or `"a // b"` stay as they are.
 * Each removed character becomes a space (a newline stays a newline), so JSON.parse's positions still point at the
 * author's own line and column. Returns null when there is nothing to remove, or a block comment never ends.
 */
export function withoutComments(text: string): string | null {
  const out: string[] = [];
  let changed = false;
  let lastComma = -1;
  const blank = (from: number, to: number) => {
    for (let j = from; j < to; j++) out[j] = text[j] === '\n' ? '\n' : ' ';
    changed = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    out[i] = c;
    if (c === '"') {
      lastComma = -1;
      for (i++; i < text.length; i++) {
        out[i] = text[i] as string;
        if (text[i] === '\\' && i + 1 < text.length) {
          i++;
          out[i] = text[i] as string;
        } else if (text[i] === '"') break;
      }
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return null;
      blank(i, end + 2);
      i = end + 1;
    } else if (c === ',') lastComma = i;
    else if ((c === '}' || c === ']') && lastComma >= 0) {
      blank(lastComma, lastComma + 1);
      lastComma = -1;
    } else if (!/\s/.test(c)) lastComma = -1;
  }
  return changed ? out.join('') : null;
}
