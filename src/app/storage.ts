/** Where the round in progress is kept in this browser. */
export const SAVE_KEY = 'firepants.save';

/** Storage that may be missing or full: every call is guarded. */
export function storeText(key: string, text: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export function readText(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function removeText(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // nothing to remove
  }
}
