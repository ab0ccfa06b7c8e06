import type { Snapshot } from '../sim';

/** One fire as the map shows it: where it started, when, and every service it has reached. */
export interface Fire {
  incident: string;
  origin: string;
  startedAt: number;
  affected: readonly string[];
  /** 4 minor … 1 critical. */
  sev: number;
}

/** What a world looks like on the map now: its fires (open and not yet mitigated) and the services recovering. */
export interface MapState {
  fires: Fire[];
  /** Every service some fire reaches. */
  onFire: Set<string>;
  /** Services of mitigated incidents still being watched, and on no fire. */
  recovering: Set<string>;
}

/**
 * The one reading of "burning" every view shares (the map, the map in words, the ghost strip, the debrief): a
 * service burns while an open incident that is not yet mitigated reaches it, noticed or not.
 */
export function mapState(s: Snapshot): MapState {
  const fires: Fire[] = [];
  const onFire = new Set<string>();
  const watched = new Set<string>();
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (!inc) continue;
    if (inc.phase === 'mitigated') {
      for (const svc of inc.affected) watched.add(svc);
      continue;
    }
    fires.push({
      incident: inc.id,
      origin: inc.service,
      startedAt: inc.startedAt,
      affected: inc.affected,
      sev: inc.sev,
    });
    for (const svc of inc.affected) onFire.add(svc);
  }
  const recovering = new Set([...watched].filter((svc) => !onFire.has(svc)));
  return { fires: fires.sort((a, b) => a.startedAt - b.startedAt), onFire, recovering };
}
