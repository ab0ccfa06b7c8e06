/**
 * What the menu offers before anything is chosen. Plain values with no imports, so the menu can be drawn before the
 * rest of the game has loaded.
 */

/** The round lengths a table can choose. */
export const ROUND_WEEKS = [1, 2, 4, 8, 13] as const;

/**
 * The menu's default seed: on the default setup (Pantry Platform, 4 weeks, guided) a learning team
 * ends with fewer incidents than the never-learning one and at least one that did not happen
 * because of an item it closed (a test keeps it so).
 */
export const DEFAULT_SEED = 43;
