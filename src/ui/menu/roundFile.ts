import { readText, SAVE_KEY, storeText } from '../../app/storage';
import { parseSave, type SaveFile } from '../../round/save/save';
import { MAX_SAVE_CHARS } from '../../sim';

/** The saved round in this browser, as text and checked, when there is a good one. */
export function savedRoundFile(): { text: string; save: SaveFile } | null {
  const text = readText(SAVE_KEY);
  const result = text === null ? null : parseSave(text);
  return text !== null && result?.ok ? { text, save: result.save } : null;
}

/** A file name that says which round it is: scenario, seed and minute. */
export function roundFileName(save: SaveFile): string {
  const safe = (s: string) => s.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  return `firepants-${safe(save.scenario.id)}-seed${save.state.seed}-minute${save.state.now}.json`;
}

/** Downloads the saved round, so it can be carried to another machine. */
export function exportRound(file: { text: string; save: SaveFile }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = roundFileName(file.save);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
