/**
 * Whether this browser has played before: read before the rest of the game loads (no parsing of the saves
 * themselves), so the first menu already offers the campaign first to a newcomer.
 */
export const CAMPAIGN_KEY = 'firepants.campaign.v1';
const PLAYED_KEYS = ['firepants.save', 'firepants.session.v1', CAMPAIGN_KEY];

export function isNewcomerHere(): boolean {
  try {
    return PLAYED_KEYS.every((key) => globalThis.localStorage?.getItem(key) === null);
  } catch {
    return true;
  }
}
