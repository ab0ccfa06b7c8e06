import { type Migrations, migrate } from '../migrate';

/**
 * Scenario files carry a version; each migration takes a file of one version to the next, in
 * order, so a file written for any earlier version still loads. Each version has a fixture in
 * test/fixtures.
 */
export const SCENARIO_VERSION = 3;
export const OLDEST_SCENARIO_VERSION = 1;

type Raw = Record<string, unknown>;

const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * From version 3 a scheduled fire sets off one of its service's own weaknesses, so a file must declare it.
 * A version 2 file may schedule a fire of a kind its service does not list: the weakness is added to the
 * service (at full strength), so the fire still comes, now as something real to find and remove. Anything
 * malformed is left as it is, for the schema to name.
 */
function declareFiredWeaknesses(raw: Raw): Raw {
  const fires = Array.isArray(raw.fires) ? raw.fires : [];
  if (!Array.isArray(raw.services)) return { ...raw, schemaVersion: 3 };
  const services = raw.services.map((s) =>
    isRecord(s) && Array.isArray(s.conditions) ? { ...s, conditions: [...s.conditions] } : s,
  );
  for (const fire of fires) {
    if (!isRecord(fire) || typeof fire.kind !== 'string') continue;
    const svc = services.find((s) => isRecord(s) && s.id === fire.service);
    if (!isRecord(svc)) continue;
    const conditions = Array.isArray(svc.conditions) ? (svc.conditions as unknown[]) : [];
    if (!Array.isArray(svc.conditions) && svc.conditions !== undefined) continue;
    if (conditions.some((c) => isRecord(c) && c.kind === fire.kind)) continue;
    svc.conditions = [...conditions, { kind: fire.kind }];
  }
  return { ...raw, schemaVersion: 3, services };
}

const migrations: Migrations = {
  /** Version 2 adds scheduled fires; a version 1 file has none. */
  1: (raw) => ({ ...raw, schemaVersion: 2, fires: [] }),
  /** Version 3: a scheduled fire sets off a weakness its service declares. */
  2: declareFiredWeaknesses,
};

/** A scenario file of any earlier version, brought up to the current one. */
export function migrateScenario(raw: Raw): Raw {
  return migrate(raw, 'schemaVersion', migrations);
}
