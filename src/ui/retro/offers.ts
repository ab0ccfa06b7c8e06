import { type ActionItem, type ActionType, type Factor, plansFor, type Snapshot } from '../../sim';

export interface Offer {
  type: ActionType;
  title: string;
  costDays: number;
  /** An item with the same work for the same service, already filed (open or closed). */
  already: ActionItem | null;
}

/**
 * What a retro offers for each surfaced factor. The same work for the same service is offered once: two
 * factors that lead to one fix (a stale runbook and a wrong first mitigation) or a second incident on the
 * same service do not file, and later close, the same item twice.
 */
export function offersFor(s: Snapshot, factors: readonly Factor[]): Map<string, Offer[]> {
  const filed = new Map<string, ActionItem>();
  for (const id of Object.keys(s.actionItems)) {
    const item = s.actionItems[id];
    if (item && item.status !== 'stale') filed.set(`${item.service}|${item.title}`, item);
  }
  const seen = new Set<string>();
  const out = new Map<string, Offer[]>();
  for (const f of factors) {
    const kind = f.conditionId ? (s.conditions[f.conditionId]?.kind ?? null) : null;
    const offers: Offer[] = [];
    for (const p of plansFor(f.key, f.service, kind, s)) {
      const same = `${f.service}|${p.title}`;
      if (seen.has(same)) continue;
      seen.add(same);
      offers.push({
        type: p.type as ActionType,
        title: p.title,
        costDays: p.costDays,
        already: filed.get(same) ?? null,
      });
    }
    out.set(f.id, offers);
  }
  return out;
}
