type Raw = Record<string, unknown>;

/** Migrations by the version they start from; each returns the file one version on. */
export type Migrations = Record<number, (raw: Raw) => Raw>;

/**
 * Runs a versioned file's migrations in order, from its own version (read from `versionKey`) up to
 * the newest one there is; an unknown version is left as it is, for the caller to name.
 */
export function migrate(raw: Raw, versionKey: string, migrations: Migrations): Raw {
  let file = raw;
  for (let step = 0; step < 100; step++) {
    const version = file[versionKey];
    if (typeof version !== 'number' || !Object.hasOwn(migrations, version)) break;
    file = (migrations[version] as (r: Raw) => Raw)(file);
  }
  return file;
}
