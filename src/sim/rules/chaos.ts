import type { Immutable } from 'immer';
import { hourOf, MINUTES_PER_DAY, MINUTES_PER_WEEK, type Minute } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { LatentCondition, SimState } from '../model/types';
import { activeMembers, logEvent, newId, readView } from '../model/world';
import { draw } from '../rng';
import { tuning } from '../tuning';
import { startIncident } from './incident';
import { loadOf } from './pressure';
import { relapseFactor } from './risk';

/** Load follows the day: busy from morning to late evening. */
export function diurnalLoad(load: number, t: Minute): number {
  const h = hourOf(t);
  const busy = h >= 8 && h < 22;
  return (0.4 + load) * (busy ? 1.25 : 0.6);
}

/**
 * The chance that a latent condition fires in one chaos check: rises with load,
 * recent deploys and neglect; falls with observability and runbooks [COOK].
 */
export function hazard(state: Snapshot, c: Immutable<LatentCondition>, t: Minute): number {
  const svc = state.services[c.service];
  if (!svc || c.strength <= 0) return 0;
  const perCheck = tuning.weeklyHazard[c.kind] / (MINUTES_PER_WEEK / tuning.chaosEveryMinutes);
  const sinceDeploy = svc.lastDeployAt === null ? Number.POSITIVE_INFINITY : t - svc.lastDeployAt;
  const deployRelated = c.kind === 'deploy' || c.kind === 'config';
  const deploy = sinceDeploy < MINUTES_PER_DAY ? (deployRelated ? tuning.deployBoost : 1.3) : 1;
  const weeksNeglected = Math.max(0, t - svc.lastTouchedAt) / MINUTES_PER_WEEK;
  const neglect = Math.min(2, 1 + tuning.neglectPerWeek * weeksNeglected);
  const protection = (1 - 0.3 * svc.observability) * (1 - 0.3 * svc.runbook);
  const load = loadOf(state, c.service, t); // grown through the round, raised by an announced peak
  return perCheck * c.strength * diurnalLoad(load, t) * deploy * neglect * protection * relapseFactor(c, t);
}

/** Average trust of a team: near misses are reported only where it is high [ALLSPAW12]. */
export function teamTrust(state: SimState, team: string): number {
  const members = activeMembers(state, team);
  if (members.length === 0) return 0;
  return members.reduce((sum, e) => sum + e.trust, 0) / members.length;
}

export function nearMissReportChance(trust: number): number {
  return trust * trust;
}

/**
 * One chaos check. Every condition draws from its own stream every check,
 * whether or not it can fire now: common random numbers across runs.
 */
export function chaosCheck(state: SimState): void {
  const t = state.now;
  const seed = state.seed;
  const streams = state.streams;
  // Read through a plain view of the world (the check reads every condition and its service); the
  // view is taken again after a fire or a near miss changes the world.
  let view = readView(state);
  const burning = new Set<string>();
  for (const id of view.openIncidents) {
    const inc = view.incidents[id];
    if (inc) burning.add(inc.conditionId);
  }
  for (const id of Object.keys(view.conditions)) {
    const c = view.conditions[id] as Immutable<LatentCondition>;
    const u = draw(streams, `chaos:${id}`, seed);
    if (c.strength <= 0 || burning.has(id)) continue;
    const h = hazard(view, c, t);
    if (u < h) {
      startIncident(state, id, false);
      burning.add(id);
      view = readView(state);
    } else if (u < h * tuning.nearMissBand) {
      recordNearMiss(state, c);
      view = readView(state);
    }
  }
}

function recordNearMiss(state: SimState, c: Immutable<LatentCondition>): void {
  const team = state.services[c.service]?.team ?? '';
  const reported = draw(state.streams, `near-miss:${team}`, state.seed) < nearMissReportChance(teamTrust(state, team));
  state.totals.nearMisses += 1;
  if (!reported) return;
  const id = newId(state, 'nm');
  state.nearMisses[id] = {
    id,
    conditionId: c.id,
    service: c.service,
    kind: c.kind,
    at: state.now,
    reported: true,
    reviewed: false,
  };
  state.totals.nearMissesReported += 1;
  logEvent(state, { type: 'near-miss', nearMiss: id, service: c.service, reported });
}
