import { entryProblem, type Migrations, migrate } from '../../sim';

/**
 * Saves carry a version; each migration takes a save of one version to the next, in order, so a
 * save from any earlier version loads today. Each version has a fixture in test/fixtures
 * (`save-v1.json`, `save-v1-round.json`; version 2 is written by the tests themselves).
 */
export const SAVE_VERSIONS = {
  /** The world and the outside fires it faced. */
  firstSave: 1,
  /** The round's input log travels with the world, so a resumed round can be debriefed and replayed. */
  withInputLog: 2,
} as const;
export const SAVE_VERSION = SAVE_VERSIONS.withInputLog;

type Raw = Record<string, unknown>;

const migrations: Migrations = {
  /** A first save's outside fires become a partial log (it does not reach back to the round's start). */
  [SAVE_VERSIONS.firstSave]: (raw) => {
    const { inputs, ...rest } = raw;
    const state = raw.state as { ownership?: unknown } | null;
    const fires = Array.isArray(inputs) ? inputs.slice(0, 10_000) : [];
    const entries = fires
      .map((i) => (i && typeof i === 'object' ? { ...(i as Raw), by: 'facilitator' } : null))
      .filter((e) => entryProblem(e) === null);
    return {
      ...rest,
      saveVersion: SAVE_VERSIONS.withInputLog,
      log: { ownership: state?.ownership, complete: false, entries },
      scheduled: [],
    };
  },
};

/** A save of any earlier version, brought up to the current one. */
export function migrateSave(raw: Raw): Raw {
  return migrate(raw, 'saveVersion', migrations);
}

/**
 * Worlds saved before the investigation steps existed have incidents without clues or steps under
 * way: they start with none. Applied after the save's check, to the world it vouched for.
 */
export function withInvestigationDefaults(state: Raw): Raw {
  const incidents = state.incidents as Record<string, Raw> | undefined;
  if (!incidents || typeof incidents !== 'object') return state;
  const filled: Record<string, Raw> = {};
  for (const [id, inc] of Object.entries(incidents))
    filled[id] = { ...inc, clues: inc.clues ?? [], inquiries: inc.inquiries ?? [] };
  return { ...state, incidents: filled };
}
