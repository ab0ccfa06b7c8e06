import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '../clock';
import type { TimedInput } from '../timeline';
import type { Scenario } from './schema';

/** The scenario's scheduled fires as outside inputs at their minutes (minute 0 is the first Monday, 00:00). */
export function scheduledFires(scenario: Pick<Scenario, 'fires'>): TimedInput[] {
  return scenario.fires
    .map((f) => {
      const [h, m] = f.time.split(':').map(Number);
      const at = (f.day - 1) * MINUTES_PER_DAY + (h ?? 0) * MINUTES_PER_HOUR + (m ?? 0);
      return {
        at,
        by: 'scenario' as const,
        command: { type: 'injectIncident' as const, service: f.service, kind: f.kind },
      };
    })
    .sort((a, b) => a.at - b.at);
}
