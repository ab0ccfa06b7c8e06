import { candidateClasses, conditionWords, type Mitigation, type Snapshot, STEP_LABELS, scoreCard } from '../sim';
import { mapState } from './burning';

/** One service on the map at the chosen minute. */
export interface PlaceAtMinute {
  id: string;
  name: string;
  dependsOn: readonly string[];
  state: 'fire' | 'recovering' | 'calm';
}

/** One open incident at the chosen minute: what it truly was, and what its responders knew by then. */
export interface FireAtMinute {
  incident: string;
  service: string;
  reached: string[];
  sev: number;
  phase: string;
  minutes: number;
  /** The true class of failure: hidden from the players while they played, revealed in the debrief. */
  trueClass: string;
  clues: { by: string; step: string; text: string }[];
  /** The classes the clues (and fixes that failed) still left open. */
  stillPossible: string[];
  tried: string[];
}

export interface SideAtMinute {
  score: number;
  incidentsSoFar: number;
  customerMinutes: number;
  itemsClosed: number;
  map: PlaceAtMinute[];
  fires: FireAtMinute[];
}

/** How a mitigated incident, out but still watched, is told. */
export const MITIGATED = 'mitigated, watching';

const PHASE_WORDS: Record<string, string> = {
  undetected: 'not yet noticed',
  detected: 'noticed, nobody paged yet',
  paged: 'paged, not answered',
  acknowledged: 'answered',
  investigating: 'being diagnosed',
  mitigated: MITIGATED,
};

const TRIED_WORDS: Record<string, string> = {
  pending: 'under way',
  worked: 'worked',
  wasted: 'wasted',
  worse: 'made it worse',
};

const ACTION_WORDS: Record<Mitigation, string> = {
  rollback: 'roll back',
  failover: 'fail over',
  'scale-up': 'scale up',
  'flag-off': 'flag off',
  restart: 'restart',
};

/** One timeline at a minute of the debrief: the map as it was, and each open incident with what was known. */
export function sideAt(s: Snapshot): SideAtMinute {
  const here = mapState(s);
  const name = (id: string) => s.services[id]?.name ?? id;
  const person = (id: string) => s.engineers[id]?.name ?? id;
  const fires: FireAtMinute[] = [];
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (!inc) continue;
    fires.push({
      incident: inc.id,
      service: name(inc.service),
      reached: inc.affected.filter((a) => a !== inc.service).map(name),
      sev: inc.sev,
      phase: PHASE_WORDS[inc.phase] ?? inc.phase,
      minutes: s.now - inc.startedAt,
      trueClass: conditionWords(inc.kind),
      clues: inc.clues.map((c) => ({ by: person(c.by), step: STEP_LABELS[c.step], text: c.text })),
      stillPossible: candidateClasses(inc).map(conditionWords),
      tried: inc.attempts.map((a) => `${ACTION_WORDS[a.action]} (${TRIED_WORDS[a.outcome] ?? a.outcome})`),
    });
  }
  return {
    score: scoreCard(s).score,
    incidentsSoFar: s.incidentOrder.filter((id) => !s.incidents[id]?.prior).length,
    customerMinutes: s.totals.customerMinutes,
    itemsClosed: Object.values(s.actionItems).filter((i) => i.status === 'closed').length,
    map: s.serviceOrder.map((id) => ({
      id,
      name: name(id),
      dependsOn: s.services[id]?.dependsOn ?? [],
      state: here.onFire.has(id) ? 'fire' : here.recovering.has(id) ? 'recovering' : 'calm',
    })),
    fires,
  };
}
