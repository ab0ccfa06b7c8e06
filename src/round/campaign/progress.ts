import { LEVEL_ORDER, type LevelId } from '../../content/campaign';

/** How a level went the last time it was played, and the best so far. */
export interface LevelRecord {
  plays: number;
  /** Whether the goal was met in any play. */
  goalMet: boolean;
  /** The most questions of its end check answered right (of three). */
  bestCheck: number;
}

/** The campaign so far in this browser. */
export interface CampaignProgress {
  version: 1;
  levels: Partial<Record<LevelId, LevelRecord>>;
}

export const emptyProgress = (): CampaignProgress => ({ version: 1, levels: {} });

const isLevel = (id: string): id is LevelId => (LEVEL_ORDER as readonly string[]).includes(id);
const count = (v: unknown, max: number) => (Number.isInteger(v) && (v as number) >= 0 ? Math.min(v as number, max) : 0);

/** Reads stored progress; anything malformed is dropped, never thrown. */
export function parseProgress(text: string | null): CampaignProgress {
  const out = emptyProgress();
  if (!text) return out;
  try {
    const raw = JSON.parse(text) as { levels?: Record<string, Partial<LevelRecord>> } | null;
    for (const [id, rec] of Object.entries(raw?.levels ?? {})) {
      if (!isLevel(id) || !rec || typeof rec !== 'object') continue;
      const plays = count(rec.plays, 10_000);
      if (plays === 0) continue;
      out.levels[id] = { plays, goalMet: rec.goalMet === true, bestCheck: count(rec.bestCheck, 3) };
    }
  } catch {
    // unreadable: start again
  }
  return out;
}

/** Progress after a level was played: its goal met or not, and how many of its three questions were right. */
export function recordLevel(
  progress: CampaignProgress,
  id: LevelId,
  played: { goalMet: boolean; checkRight: number },
): CampaignProgress {
  const was = progress.levels[id];
  return {
    ...progress,
    levels: {
      ...progress.levels,
      [id]: {
        plays: (was?.plays ?? 0) + 1,
        goalMet: (was?.goalMet ?? false) || played.goalMet,
        bestCheck: Math.max(was?.bestCheck ?? 0, count(played.checkRight, 3)),
      },
    },
  };
}

/** The level to play next: the first whose goal is not met yet (or null once all eight are). */
export function nextLevel(progress: CampaignProgress): LevelId | null {
  return LEVEL_ORDER.find((id) => !progress.levels[id]?.goalMet) ?? null;
}

/** Whether nobody has played a level here yet: the menu then offers the campaign first. */
export const isNewcomer = (progress: CampaignProgress) => Object.keys(progress.levels).length === 0;

/** How many levels' goals were met. */
export const levelsMet = (progress: CampaignProgress) =>
  LEVEL_ORDER.filter((id) => progress.levels[id]?.goalMet).length;
