import type { Immutable } from 'immer';
import type { Snapshot } from '../model/snapshot';
import type { ConditionKind, LatentCondition, SimState } from '../model/types';
import { logEvent, serviceName } from '../model/world';
import { draw } from '../rng';
import { conditionWords } from './actionItems';
import { startIncident } from './incident';

/**
 * Fires the game sets on purpose — the tutorial's, a scenario's scripted ones, a facilitator's, the
 * demo's — set off one of the service's real weaknesses, in both timelines at the same minute. So the
 * retro finds something real to remove, and a team that removed it first sees the trigger come and
 * nothing burn, while the never-learning organization burns.
 */

export interface OutsideFire {
  service: string;
  kind: ConditionKind;
  /** The weakness named exactly (the facilitator's choice); else the service's weakness of that kind. */
  condition?: string | undefined;
}

/**
 * The service's real weaknesses, known or not, strongest first (among equals, in the order they arrived:
 * the scenario's own first): what a facilitator chooses from.
 */
export function weaknessesOf<S extends Snapshot>(state: S, service: string): S['conditions'][string][] {
  const out: S['conditions'][string][] = [];
  for (const c of Object.values(state.conditions) as S['conditions'][string][]) {
    if (c.service === service && c.origin !== 'injected') out.push(c);
  }
  return out.sort((a, b) => b.strength - a.strength);
}

/** The kinds of the service's own weaknesses, each once: the kinds of fire that can be set on it on purpose. */
export function weaknessKinds(state: Snapshot, service: string): Snapshot['conditions'][string]['kind'][] {
  return [...new Set(weaknessesOf(state, service).map((c) => c.kind))];
}

/** The weakness a fire would set off, or why there is none to set off. */
export function weaknessFor<S extends Snapshot>(state: S, fire: OutsideFire): S['conditions'][string] | string {
  const name = serviceName(state, fire.service);
  const all = weaknessesOf(state, fire.service);
  if (fire.condition !== undefined) {
    const named = all.find((c) => c.id === fire.condition);
    if (!named) return `${name} has no weakness "${fire.condition}"`;
    if (named.kind !== fire.kind) return `that weakness in ${name} is a ${conditionWords(named.kind)}`;
    return named;
  }
  const ofKind = all.filter((c) => c.kind === fire.kind);
  if (ofKind.length > 0) return ofKind[0] as S['conditions'][string];
  const has = [...new Set(all.map((c) => conditionWords(c.kind)))];
  return has.length > 0
    ? `${name} has no ${conditionWords(fire.kind)} to set off (it has: ${has.join(', ')})`
    : `${name} has no weakness to set off`;
}

/** The strength it had before the organization weakened it: a trigger takes hold in that proportion. */
function fullStrength(c: Immutable<LatentCondition>): number {
  return c.weakened?.[0]?.strengthBefore ?? c.strength;
}

/**
 * The trigger comes. A removed weakness cannot give way; a guarded one holds with the share of the
 * danger its guard took away (drawn from the weakness's own trigger stream, so both timelines face the
 * same luck); one already burning has nothing more to give.
 */
export function setOffWeakness(state: SimState, fire: OutsideFire): void {
  const found = weaknessFor(state, fire);
  if (typeof found === 'string') return;
  const c = found as LatentCondition;
  const u = draw(state.streams, `trigger:${c.id}`, state.seed);
  const burning = state.openIncidents.some((id) => state.incidents[id]?.conditionId === c.id);
  const full = fullStrength(c);
  const holds = c.strength <= 0 ? 'removed' : burning ? 'burning' : u >= c.strength / full ? 'guarded' : null;
  if (holds) {
    logEvent(state, { type: 'fire-held', service: c.service, condition: c.id, kind: c.kind, why: holds });
    return;
  }
  startIncident(state, c.id, true);
}

/**
 * The tutorial's first fire: the service most others depend on, giving way at its strongest real weakness
 * (the first the scenario lists, among equals). Its retro then finds that weakness, an item can remove it,
 * and the repeat the never-learning team suffers does not happen here.
 */
export function tutorialFire(state: Snapshot): OutsideFire {
  const dependents = (id: string) => state.serviceOrder.filter((o) => state.services[o]?.dependsOn.includes(id)).length;
  const ranked = [...state.serviceOrder].sort((a, b) => dependents(b) - dependents(a));
  for (const service of ranked) {
    const weakness = weaknessesOf(state, service).find((c) => c.origin === 'scenario' && c.strength > 0);
    if (weakness) return { service, kind: weakness.kind, condition: weakness.id };
  }
  return { service: ranked[0] ?? '', kind: 'capacity' };
}
