import { type Migrations, migrate } from '../migrate';

/**
 * Scenario files carry a version; each migration takes a file of one version to the next, in
 * order, so a file written for any earlier version still loads. Each version has a fixture in
 * test/fixtures.
 */
export const SCENARIO_VERSION = 2;
export const OLDEST_SCENARIO_VERSION = 1;

type Raw = Record<string, unknown>;

const migrations: Migrations = {
  /** Version 2 adds scheduled fires; a version 1 file has none. */
  1: (raw) => ({ ...raw, schemaVersion: 2, fires: [] }),
};

/** A scenario file of any earlier version, brought up to the current one. */
export function migrateScenario(raw: Raw): Raw {
  return migrate(raw, 'schemaVersion', migrations);
}
