import { entryProblem, type Migrations, migrate } from '../../sim';

/**
 * Saves carry a version; each migration takes a save of one version to the next, in order, so a
 * save from any earlier version loads today. Each version has a fixture in test/fixtures.
 */
export const SAVE_VERSION = 2;

type Raw = Record<string, unknown>;

const migrations: Migrations = {
  /** Version 2 keeps the input log: a version 1 save's outside fires become a partial log. */
  1: (raw) => {
    const { inputs, ...rest } = raw;
    const state = raw.state as { ownership?: unknown } | null;
    const fires = Array.isArray(inputs) ? inputs.slice(0, 10_000) : [];
    const entries = fires
      .map((i) => (i && typeof i === 'object' ? { ...(i as Raw), by: 'facilitator' } : null))
      .filter((e) => entryProblem(e) === null);
    return {
      ...rest,
      saveVersion: 2,
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
