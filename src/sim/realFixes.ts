import type { Minute } from './clock';
import type { Snapshot } from './model/snapshot';
import type { ConditionKind } from './model/types';

/**
 * Where a weakness must have come from for removing it to count as learning: the system had it (from the
 * start, or a deploy brought it by chance). One made up for a rehearsal is not real; one the organization
 * bought itself with a feature push is real, but fixing it only undoes its own purchase, so it does not count.
 */
const REAL_ORIGINS: ReadonlySet<string> = new Set(['scenario', 'deploy']);

/** An action item whose closing removed or guarded a real weakness. */
export interface RealFix {
  item: string;
  title: string;
  service: string;
  kind: ConditionKind;
  condition: string;
  at: Minute;
  /** The weakness's strength before and after the item closed (0 = removed). */
  before: number;
  after: number;
}

/**
 * The items that closed on a real weakness, read from the world's record of what weakened each
 * condition: one row per item (the first weakness it touched), in the order they closed.
 */
export function realFixes(s: Snapshot): RealFix[] {
  const byItem = new Map<string, RealFix>();
  for (const id of Object.keys(s.conditions).sort()) {
    const c = s.conditions[id];
    if (!c || !REAL_ORIGINS.has(c.origin)) continue;
    for (const change of c.weakened ?? []) {
      if (change.by !== 'item' || change.strengthAfter >= change.strengthBefore || byItem.has(change.id)) continue;
      byItem.set(change.id, {
        item: change.id,
        title: change.title,
        service: c.service,
        kind: c.kind,
        condition: c.id,
        at: change.at,
        before: change.strengthBefore,
        after: change.strengthAfter,
      });
    }
  }
  return [...byItem.values()].sort((a, b) => a.at - b.at || (a.item < b.item ? -1 : 1));
}

/** Whether a weakness is in the system at all (however it got there), not one made up for a rehearsal. */
export function isRealWeakness(s: Pick<Snapshot, 'conditions'>, conditionId: string): boolean {
  const c = Object.hasOwn(s.conditions, conditionId) ? s.conditions[conditionId] : undefined;
  return c !== undefined && c.origin !== 'injected';
}
