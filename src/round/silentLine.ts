import { plural } from '../content/words';
import type { SilentReport } from '../sim';

/** The honest, net headline: prevented incidents with a change behind them, and what happened only here. */
export function silentLine(silent: SilentReport | null): string {
  if (!silent) return 'The other timeline starts with you.';
  const extra = Math.max(0, silent.incidents - silent.replayIncidents);
  if (silent.net > 0 && extra === 0)
    return `${plural(silent.net, 'incident')} didn't happen because of what you learned`;
  if (silent.net > 0)
    return `${plural(silent.net, 'incident')} didn't happen; ${extra} happened that the other team didn't have`;
  if (extra > 0) return `${plural(extra, 'incident')} more than the never-learning team so far`;
  return `incidents: ${silent.incidents} here, ${silent.replayIncidents} in the other timeline`;
}
