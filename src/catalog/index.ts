/** A game day from the service catalog a team already keeps (Backstage's catalog-info.yaml). */
export { DEFAULTS_EXPLAINED } from './defaults';
export { MAX_CATALOG_CHARS, readCatalog } from './entities';
export { type CatalogOptions, type CatalogScenario, scenarioFromCatalog } from './toScenario';
