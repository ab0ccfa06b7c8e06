import { entryProblem } from '../sim/inputLog';

/**
 * Saves carry a version; each migration takes a save of one version to the next, in order, so a
 * save from any earlier version loads today. Each version has a fixture in test/fixtures.
 */
export const SAVE_VERSION = 2;

type Raw = Record<string, unknown>;

const migrations: Record<number, (raw: Raw) => Raw> = {
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

/** Runs the migrations from the save's own version up to the current one; an unknown version is left as it is. */
export function migrateSave(raw: Raw): Raw {
  let save = raw;
  for (let step = 0; step < 100; step++) {
    const version = save.saveVersion;
    if (typeof version !== 'number' || !Object.hasOwn(migrations, version)) break;
    save = (migrations[version] as (r: Raw) => Raw)(save);
  }
  return save;
}
