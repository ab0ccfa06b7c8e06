/**
 * An example bot for `npm run sim -- --policy examples/restart-everything.ts`: acknowledges every
 * page and restarts whatever burns. Any module whose default export is a Policy works.
 */
import type { Command, Policy } from '../src/sim';

const restartEverything: Policy = (s) => {
  const out: Command[] = [];
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (!inc) continue;
    if (inc.phase === 'paged') out.push({ type: 'acknowledge', incident: id });
    if (inc.phase === 'investigating' && !inc.attempts.some((a) => a.outcome === 'pending'))
      out.push({ type: 'mitigate', incident: id, action: 'restart' });
  }
  return out;
};

export default restartEverything;
