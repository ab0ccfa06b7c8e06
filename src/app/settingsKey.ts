/** Where the player's settings live in this browser. */
export const SETTINGS_KEY = 'firepants.settings.v1';

/** Whether the saved settings ask for large print: read before the rest of the game loads, so the menu never jumps. */
export function savedLargePrint(): boolean {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(SETTINGS_KEY) ?? 'null');
    return typeof raw === 'object' && raw !== null && (raw as { largePrint?: unknown }).largePrint === true;
  } catch {
    return false;
  }
}
