/**
 * Scenario files carry a version; each migration takes a file of one version to the next, in
 * order, so a file written for any earlier version still loads. Each version has a fixture in
 * test/fixtures.
 */
export const SCENARIO_VERSION = 2;
export const OLDEST_SCENARIO_VERSION = 1;

type Raw = Record<string, unknown>;

const migrations: Record<number, (raw: Raw) => Raw> = {
  /** Version 2 adds scheduled fires; a version 1 file has none. */
  1: (raw) => ({ ...raw, schemaVersion: 2, fires: [] }),
};

/** Runs the migrations from the file's own version up to the current one; an unknown version is left as it is. */
export function migrateScenario(raw: Raw): Raw {
  let file = raw;
  for (let step = 0; step < 100; step++) {
    const version = file.schemaVersion;
    if (typeof version !== 'number' || !Object.hasOwn(migrations, version)) break;
    file = (migrations[version] as (r: Raw) => Raw)(file);
  }
  return file;
}
