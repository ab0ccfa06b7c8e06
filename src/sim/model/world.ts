import type { SimEvent } from '../events';
import type { Engineer, Incident, SimState } from './types';

/** Small queries and helpers shared by the rules. */

export function newId(state: SimState, prefix: string): string {
  state.nextId += 1;
  return `${prefix}-${state.nextId}`;
}

type EventBody = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'at'> : never) : never;

export function logEvent(state: SimState, event: EventBody): void {
  state.log.push({ at: state.now, ...event } as SimEvent);
}

export function activeMembers(state: SimState, team: string): Engineer[] {
  const out: Engineer[] = [];
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e && e.team === team && e.status === 'active') out.push(e);
  }
  return out;
}

export function openIncidents(state: SimState): Incident[] {
  const out: Incident[] = [];
  for (const id of state.incidentOrder) {
    const inc = state.incidents[id];
    if (inc && inc.phase !== 'resolved') out.push(inc);
  }
  return out;
}

export function engineerName(state: SimState, id: string | null | undefined): string {
  if (!id) return 'nobody';
  return state.engineers[id]?.name ?? id;
}

export function serviceName(state: SimState, id: string): string {
  return state.services[id]?.name ?? id;
}

/** Services that depend on the given one: where its fire spreads. */
export function dependentsOf(state: SimState, service: string): string[] {
  return state.serviceOrder.filter((id) => state.services[id]?.dependsOn.includes(service));
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}

/** How many active people can handle a service: knowledge of at least one half. */
export function busFactor(state: SimState, service: string): number {
  let n = 0;
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e && e.status === 'active' && (e.knowledge[service] ?? 0) >= 0.5) n++;
  }
  return n;
}

export function weekStats(state: SimState) {
  const w = Math.min(Math.floor(state.now / 10080), state.weekly.length - 1);
  return state.weekly[Math.max(0, w)];
}
