import jsQR from 'jsqr';

/**
 * Reads back a QR code as the room server prints it in the terminal (see `terminalQr`): each character is two
 * modules, one above the other — █ both dark, ▀ the top, ▄ the bottom, a space neither. Lines of another
 * width (the log around it) are not part of it. Null when no code is read.
 */
export function readTerminalQr(printed: string): string | null {
  const lines = printed.split('\n').map((l) => [...l.replace(/\r$/, '')]);
  // The code is the longest run of lines of one width made of nothing but blocks and spaces.
  let best: string[][] = [];
  let run: string[][] = [];
  for (const chars of lines) {
    const drawn = chars.length > 0 && chars.every((c) => ' █▀▄'.includes(c)) && chars.some((c) => c !== ' ');
    const blank = chars.length > 0 && chars.every((c) => c === ' ');
    if ((drawn || blank) && (run.length === 0 || run[0]?.length === chars.length)) run.push(chars);
    else run = drawn || blank ? [chars] : [];
    if (run.length > best.length) best = [...run];
  }
  if (best.length === 0) return null;
  const width = best[0]?.length ?? 0;
  const rows: boolean[][] = [];
  for (const chars of best) {
    rows.push(chars.map((c) => c === '█' || c === '▀'));
    rows.push(chars.map((c) => c === '█' || c === '▄'));
  }
  const scale = 4;
  const w = width * scale;
  const h = rows.length * scale;
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = rows[Math.floor(y / scale)]?.[Math.floor(x / scale)] ? 0 : 255;
      pixels.set([v, v, v, 255], (y * w + x) * 4);
    }
  return jsQR(pixels, w, h)?.data ?? null;
}
