import { parseSave } from '../round/save/save';
import { MINUTES_PER_WEEK } from '../sim';
import { setAsideCorrupt } from './corruptSaves';
import { readText, SAVE_KEY } from './storage';
import type { GameStore } from './store';

/** The round kept in this browser: what the menu can offer to resume, and resuming it. */
export class SavedRounds {
  constructor(private readonly store: GameStore) {}

  /** What the menu can offer to resume, or why the saved round cannot be used (it is then set aside, not lost). */
  offer(): { label: string } | { problem: string } | null {
    const text = readText(SAVE_KEY);
    if (text === null) return null;
    const result = parseSave(text);
    if (result.ok) {
      const s = result.save.state;
      return {
        label: `${result.save.scenario.name}, seed ${s.seed}, week ${Math.floor(s.now / MINUTES_PER_WEEK) + 1} of ${s.weeks}`,
      };
    }
    const kept = setAsideCorrupt(text);
    return {
      problem: kept
        ? `${result.reason}. It was set aside (kept as "${kept}" in this browser's storage) and nothing else was touched.`
        : `${result.reason}. It could not be set aside (this browser's storage is full or unavailable), so it stays where it was until a new round is saved over it.`,
    };
  }

  /** Picks up the saved round where it was left, paused. */
  resume(): boolean {
    const text = readText(SAVE_KEY);
    const result = text === null ? null : parseSave(text);
    return result?.ok === true && this.store.resumeFrom(result.save);
  }
}
