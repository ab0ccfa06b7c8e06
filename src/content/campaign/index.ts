import blastRadius from './levels/blast-radius.json';
import coldCache from './levels/cold-cache.json';
import deadCode from './levels/dead-code.json';
import globalDeploy from './levels/global-deploy.json';
import ownTools from './levels/own-tools.json';
import statusPage from './levels/status-page.json';
import untestedBackups from './levels/untested-backups.json';
import youBuildIt from './levels/you-build-it.json';
import type { LevelId } from './stories';

export { type CheckQuestion, LEVEL_CHECKS, SESSION_CHECK } from './checks';
export { type LevelId, type LevelStory, type Source, STORIES } from './stories';

/**
 * The campaign's eight levels in the order they are played, each a scenario file like any other (checked by
 * the same schema when it is loaded).
 */
export const LEVEL_ORDER = [
  'untested-backups',
  'blast-radius',
  'global-deploy',
  'dead-code',
  'own-tools',
  'cold-cache',
  'you-build-it',
  'status-page',
] as const satisfies readonly LevelId[];

export const LEVEL_SCENARIOS: Record<LevelId, unknown> = {
  'untested-backups': untestedBackups,
  'blast-radius': blastRadius,
  'global-deploy': globalDeploy,
  'dead-code': deadCode,
  'own-tools': ownTools,
  'cold-cache': coldCache,
  'you-build-it': youBuildIt,
  'status-page': statusPage,
};

/** A level's scenario file by its scenario id (`level-…`), as raw data, or null: for lists that show the levels. */
export function levelScenarioById(scenarioId: string): unknown {
  const id = LEVEL_ORDER.find((l) => (LEVEL_SCENARIOS[l] as { id?: unknown }).id === scenarioId);
  return id ? LEVEL_SCENARIOS[id] : null;
}
