import type { CatalogScenario } from '../../catalog';

/** The catalog reader's size limit, kept here so the menu can refuse a huge file before loading the reader. */
const MAX_CATALOG_BYTES = 2_000_000;

/**
 * A game day from a catalog file chosen in the menu. The YAML reader loads only when a catalog is chosen, so
 * the menu stays light for everyone else.
 */
export async function catalogScenario(file: File): Promise<CatalogScenario> {
  if (file.size > MAX_CATALOG_BYTES)
    return { ok: false, problems: [`the file is larger than ${MAX_CATALOG_BYTES / 1_000_000} MB`] };
  try {
    const [{ scenarioFromCatalog }, text] = await Promise.all([import('../../catalog'), file.text()]);
    return scenarioFromCatalog(text);
  } catch (err) {
    return { ok: false, problems: [`the catalog could not be read (${String(err)})`] };
  }
}
