import { current, isDraft } from 'immer';
import { MINUTES_PER_WEEK } from '../clock';
import type { SimEvent } from '../events';
import type { EngineerIn, IncidentIn, People, Snapshot } from './snapshot';
import type { SimState } from './types';

/** Small queries and helpers shared by the rules. */

export function newId(state: SimState, prefix: string): string {
  state.nextId += 1;
  return `${prefix}-${state.nextId}`;
}

type EventBody = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'at'> : never) : never;

const CHUNK = 128;

export function logEvent(state: SimState, event: EventBody): void {
  let last = state.log[state.log.length - 1];
  if (!last || last.length >= CHUNK) {
    last = [];
    state.log.push(last);
  }
  last.push({ at: state.now, ...event } as SimEvent);
}

export function eventCount(state: Snapshot): number {
  const n = state.log.length;
  return n === 0 ? 0 : (n - 1) * CHUNK + (state.log[n - 1]?.length ?? 0);
}

/** Events from the given position on (positions count from the start of the round). */
export function eventsSince(state: Snapshot, from: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let c = Math.floor(from / CHUNK); c < state.log.length; c++) {
    const chunk = state.log[c] ?? [];
    const start = c === Math.floor(from / CHUNK) ? from % CHUNK : 0;
    for (let i = start; i < chunk.length; i++) out.push(chunk[i] as SimEvent);
  }
  return out;
}

export function allEvents(state: Snapshot): SimEvent[] {
  return eventsSince(state, 0);
}

export function activeMembers<S extends People>(state: S, team: string): EngineerIn<S>[] {
  const out: EngineerIn<S>[] = [];
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e && e.team === team && e.status === 'active') out.push(e as EngineerIn<S>);
  }
  return out;
}

export function openIncidents<S extends Snapshot>(state: S): IncidentIn<S>[] {
  const out: IncidentIn<S>[] = [];
  for (const id of state.openIncidents) {
    const inc = state.incidents[id];
    if (inc) out.push(inc as IncidentIn<S>);
  }
  return out;
}

export function engineerName(state: SimState, id: string | null | undefined): string {
  if (!id) return 'nobody';
  return state.engineers[id]?.name ?? id;
}

export function serviceName(state: Pick<Snapshot, 'services'>, id: string): string {
  return state.services[id]?.name ?? id;
}

/** Services that depend on the given one: where its fire spreads. */
export function dependentsOf(state: Pick<Snapshot, 'services' | 'serviceOrder'>, service: string): string[] {
  return state.serviceOrder.filter((id) => state.services[id]?.dependsOn.includes(service));
}

/** The game clock as it reads where a person works: nights and days follow the sun. */
export function localTime(state: Pick<Snapshot, 'engineers' | 'siteOffsets'>, engineer: string, t: number): number {
  const site = state.engineers[engineer]?.site ?? '';
  return t + (state.siteOffsets?.[site] ?? 0) * 60;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}

/** How many active people can handle a service: knowledge of at least one half. */
export function busFactor(state: People, service: string): number {
  let n = 0;
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e && e.status === 'active' && (e.knowledge[service] ?? 0) >= 0.5) n++;
  }
  return n;
}

export function weekStats(state: SimState) {
  const w = Math.min(Math.floor(state.now / MINUTES_PER_WEEK), state.weekly.length - 1);
  return state.weekly[Math.max(0, w)];
}

/**
 * The world as it stands, read without Immer's proxies: parts unchanged in this step are the frozen
 * world itself, changed ones are copied. For rules that read much and write little (the chaos check,
 * who is on call); after a write, take a fresh view.
 */
export function readView(state: Snapshot): Snapshot {
  return isDraft(state) ? (current(state as SimState) as Snapshot) : state;
}
