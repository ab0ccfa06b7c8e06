import { readText, removeText, SAVE_KEY, storeText } from './storage';

/** Where damaged saves are set aside, oldest first; a fourth drops the oldest. */
export const CORRUPT_SLOTS = ['firepants.save.corrupt.1', 'firepants.save.corrupt.2', 'firepants.save.corrupt.3'];

/**
 * Moves a damaged save out of the way so a new round can start, keeping earlier damaged saves.
 * Returns the key it was kept under, or null when it could not be stored (then the original stays put).
 */
export function setAsideCorrupt(text: string): string | null {
  const slots = CORRUPT_SLOTS.map((key) => readText(key));
  const already = slots.indexOf(text);
  const kept = already >= 0 ? CORRUPT_SLOTS[already] : store(text, slots);
  if (kept) removeText(SAVE_KEY);
  return kept ?? null;
}

function store(text: string, slots: (string | null)[]): string | undefined {
  const free = slots.indexOf(null);
  if (free >= 0) return storeText(CORRUPT_SLOTS[free] as string, text) ? CORRUPT_SLOTS[free] : undefined;
  const last = CORRUPT_SLOTS.length - 1;
  removeText(CORRUPT_SLOTS[0] as string);
  const shifted = slots.slice(1).every((old, i) => storeText(CORRUPT_SLOTS[i] as string, old as string));
  if (shifted && storeText(CORRUPT_SLOTS[last] as string, text)) return CORRUPT_SLOTS[last];
  // Not enough room: put every earlier copy back where it was.
  for (const [i, old] of slots.entries()) storeText(CORRUPT_SLOTS[i] as string, old as string);
  return undefined;
}
