import type { Immutable } from 'immer';
import { hourOf, MINUTES_PER_DAY, MINUTES_PER_WEEK, type Minute } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { LatentCondition, SimState } from '../model/types';
import { activeMembers, logEvent, newId, readView } from '../model/world';
import { draw, drawFrom, type Stream, stream } from '../rng';
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
  return hazardWith(serviceFactors(state, c.service, t), c, t);
}

/** What a service adds to every weakness's hazard at a minute: load over the day, neglect, protection, its last deploy. */
interface ServiceFactors {
  diurnal: number;
  neglect: number;
  protection: number;
  sinceDeploy: number;
}

function serviceFactors(state: Snapshot, service: string, t: Minute): ServiceFactors {
  const svc = state.services[service];
  if (!svc) return { diurnal: 0, neglect: 0, protection: 0, sinceDeploy: Number.POSITIVE_INFINITY };
  const weeksNeglected = Math.max(0, t - svc.lastTouchedAt) / MINUTES_PER_WEEK;
  const load = loadOf(state, service, t); // grown through the round, raised by an announced peak
  return {
    diurnal: diurnalLoad(load, t),
    neglect: Math.min(2, 1 + tuning.neglectPerWeek * weeksNeglected),
    protection: (1 - 0.3 * svc.observability) * (1 - 0.3 * svc.runbook),
    sinceDeploy: svc.lastDeployAt === null ? Number.POSITIVE_INFINITY : t - svc.lastDeployAt,
  };
}

/** The hazard from its service's factors (the same product, in the same order, as ever). */
function hazardWith(f: ServiceFactors, c: Immutable<LatentCondition>, t: Minute): number {
  const perCheck = tuning.weeklyHazard[c.kind] / (MINUTES_PER_WEEK / tuning.chaosEveryMinutes);
  const deployRelated = c.kind === 'deploy' || c.kind === 'config';
  const deploy = f.sinceDeploy < MINUTES_PER_DAY ? (deployRelated ? tuning.deployBoost : 1.3) : 1;
  return perCheck * c.strength * f.diurnal * deploy * f.neglect * f.protection * relapseFactor(c, t);
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

/** Each condition's chaos stream, found once: the check draws from every one every half hour. */
const chaosStreams = new Map<string, Stream>();

function chaosStream(conditionId: string): Stream {
  let found = chaosStreams.get(conditionId);
  if (found === undefined) {
    found = stream(`chaos:${conditionId}`);
    if (chaosStreams.size >= 100_000) chaosStreams.clear();
    chaosStreams.set(conditionId, found);
  }
  return found;
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
  // A fire or a near miss changes nothing a service's factors are read from: they hold for the whole check.
  const factors = new Map<string, ServiceFactors>();
  for (const id of Object.keys(view.conditions)) {
    const c = view.conditions[id] as Immutable<LatentCondition>;
    const u = drawFrom(streams, chaosStream(id), seed);
    if (c.strength <= 0 || burning.has(id) || !view.services[c.service]) continue;
    let f = factors.get(c.service);
    if (!f) {
      f = serviceFactors(view, c.service, t);
      factors.set(c.service, f);
    }
    const h = hazardWith(f, c, t);
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
