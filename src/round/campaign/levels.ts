import {
  LEVEL_CHECKS,
  LEVEL_ORDER,
  LEVEL_SCENARIOS,
  type LevelId,
  type LevelStory,
  STORIES,
} from '../../content/campaign';
import { createWorld, type Scenario, validateScenario } from '../../sim';
import { LEVEL_GOALS } from './goals';
import type { GoalVerdict, PlayedLevel } from './played';

/** A level of the campaign, ready to play: its scenario checked, its story, goal and end-of-level check. */
export interface Level {
  id: LevelId;
  /** 1 to 8. */
  number: number;
  scenario: Scenario;
  story: LevelStory;
  /** What the goal asks, in the order its parts are judged. */
  asks: string[];
  judge(level: PlayedLevel): GoalVerdict;
  check: (typeof LEVEL_CHECKS)[LevelId];
}

/** A level's seed when nobody chooses one: every table meets the same week. */
export const LEVEL_SEED = 1;

const cache = new Map<LevelId, Level>();

/** The level, its scenario validated like any other file (a broken one throws: it is the game's own content). */
export function level(id: LevelId): Level {
  const kept = cache.get(id);
  if (kept) return kept;
  const checked = validateScenario(LEVEL_SCENARIOS[id]);
  if (!checked.ok) throw new Error(`level ${id}: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const scenario = checked.scenario;
  const judge = LEVEL_GOALS[id];
  // What the goal asks reads the same before the week is played: judged on the untouched world.
  const start = createWorld(scenario, { seed: LEVEL_SEED, weeks: scenario.weeks });
  const asks = judge({ world: start, entries: [] }).parts.map((p) => p.asks);
  const made: Level = {
    id,
    number: LEVEL_ORDER.indexOf(id) + 1,
    scenario,
    story: STORIES[id],
    asks,
    judge,
    check: LEVEL_CHECKS[id],
  };
  cache.set(id, made);
  return made;
}

export const levels = (): Level[] => LEVEL_ORDER.map(level);

/** The level whose scenario this is (levels' scenario ids are their own), or null. */
export function levelOfScenario(scenarioId: string): Level | null {
  const id = LEVEL_ORDER.find((l) => (LEVEL_SCENARIOS[l] as { id?: unknown }).id === scenarioId);
  return id ? level(id) : null;
}

export { LEVEL_ORDER, type LevelId };
