import { readText, SAVE_KEY, storeText } from '../../app/storage';
import { parseSave, type SaveFile } from '../../round/save/save';
import { MAX_SAVE_CHARS } from '../../sim';

/** The saved round in this browser, as text and checked, when there is a good one. */
export function savedRoundFile(): { text: string; save: SaveFile } | null {
  const text = readText(SAVE_KEY);
  const result = text === null ? null : parseSave(text);
  return text !== null && result?.ok ? { text, save: result.save } : null;
}

export { exportRound, roundFileName } from '../kit/roundDownload';

/** Reads a round file chosen by the player, checked like a save; a reason when it cannot be played. */
export async function importRound(file: File): Promise<{ ok: true; save: SaveFile } | { ok: false; reason: string }> {
  if (file.size > MAX_SAVE_CHARS)
    return { ok: false, reason: `the file is larger than ${MAX_SAVE_CHARS / 1_000_000} MB` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, reason: 'the file could not be read' };
  }
  const result = parseSave(text);
  if (result.ok) storeText(SAVE_KEY, text);
  return result;
}
