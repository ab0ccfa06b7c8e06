import platform from './platform.json';
import scaleup from './scaleup.json';
import startup from './startup.json';

/** Built-in scenarios as raw files; they go through the same validation as a player's own. */
export const builtInScenarios: Record<string, unknown> = {
  platform,
  startup,
  scaleup,
};

export const defaultScenarioId = 'platform';
