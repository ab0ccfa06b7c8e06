import type { SilentReport } from './counterfactual';
import type { Snapshot } from './model/snapshot';

/**
 * What a round shows the organization learned, in the world's own terms, for every sentence that claims
 * it: the outcome's name, the headline, the story. A round learned only if an item of its own removed or
 * guarded a real weakness, or an incident the never-learning organization had did not happen here
 * because something of its own had weakened that weakness first. Scores are not evidence: a round with
 * neither learned nothing, whatever its points.
 */
export interface LearningEvidence {
  /** Real weaknesses (not a staged fire's) that an item the organization closed removed or guarded. */
  realWeaknessesClosed: number;
  /** Of those, the ones removed outright. */
  realWeaknessesRemoved: number;
  /** Incidents of the never-learning replay that did not happen here because a named item or shared retro came first. */
  incidentsPrevented: number;
  /** Action items closed, on anything (a weakness, a runbook, the rotation…). */
  itemsClosed: number;
  learned: boolean;
}

export function learningEvidence(ours: Snapshot, silent: Pick<SilentReport, 'prevented'>): LearningEvidence {
  let closed = 0;
  let removed = 0;
  for (const c of Object.values(ours.conditions)) {
    if (c.origin === 'injected') continue;
    const byItem = (c.weakened ?? []).filter((w) => w.by === 'item' && w.strengthAfter < w.strengthBefore);
    if (byItem.length === 0) continue;
    closed++;
    if (c.strength <= 0) removed++;
  }
  const itemsClosed = Object.values(ours.actionItems).filter((a) => a.status === 'closed').length;
  const incidentsPrevented = silent.prevented.length;
  return {
    realWeaknessesClosed: closed,
    realWeaknessesRemoved: removed,
    incidentsPrevented,
    itemsClosed,
    learned: closed > 0 || incidentsPrevented > 0,
  };
}
