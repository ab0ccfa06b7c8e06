import platform from './platform.json';
import startup from './startup.json';

/** Built-in scenarios as raw files; they go through the same validation as a player's own. */
export const builtInScenarios: Record<string, unknown> = {
  platform,
  startup,
};

export const defaultScenarioId = 'platform';
