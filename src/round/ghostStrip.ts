import { conditionWords, durationText, formatClock, type SilentReport, type Snapshot } from '../sim';
import { type Fire, type MapState, mapState } from './burning';

/** How long the last fire that did not happen here stays in view after it broke out there. */
export const KEEP_SAVED_MINUTES = 24 * 60;
/** How many places the strip names before it counts the rest. */
const NAMED = 3;

/** The strip under the HUD: what burns where right now, and the last fire there that did not happen here. */
export interface GhostStrip {
  fires: string;
  saved: string | null;
}

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Day and time of a minute: "Tue 14:20". */
const dayAndTime = (t: number) => formatClock(t).split(' · ')[1] ?? formatClock(t);

/** One clause per fire for the services it reaches on one side only, in the order the fires broke out. */
function sideClauses(
  side: MapState,
  other: MapState,
  named: Set<string>,
  name: (id: string) => string,
  where: 'here' | 'there',
  now: number,
): { text: string; services: string[] }[] {
  const out: { text: string; services: string[] }[] = [];
  for (const fire of side.fires) {
    const mine = fire.affected.filter((s) => !other.onFire.has(s) && !named.has(s));
    if (mine.length === 0) continue;
    for (const s of mine) named.add(s);
    out.push({ text: clause(fire, mine, name, where, now), services: mine });
  }
  return out;
}

function clause(fire: Fire, services: string[], name: (id: string) => string, where: string, now: number): string {
  const spread = services.filter((s) => s !== fire.origin).map(name);
  if (!services.includes(fire.origin)) return `${list(spread)} burning ${where} (spread from ${name(fire.origin)})`;
  const head = `${name(fire.origin)} burning ${where} for ${durationText(now - fire.startedAt)}`;
  const tail = spread.length > 0 ? `, spread to ${list(spread)}` : '';
  return `${head}${tail}`;
}

/** Where nothing burns on one side: calm, or what is still recovering. */
function restOf(side: MapState, name: (id: string) => string, where: 'here' | 'there'): string {
  const recovering = [...side.recovering].map(name);
  if (where === 'here') return recovering.length ? `here: ${list(recovering)} recovering` : 'here: calm';
  return recovering.length ? `${list(recovering)} recovering there` : 'quiet there';
}

/**
 * The ghost strip, read off both worlds at this minute: every service burning here and there, there only
 * (with how long), or here only; "quiet there too" only when neither timeline has any incident open; and the
 * last fire the never-learning team had that did not happen here, with the change that prevented it, kept in
 * view for a day after it broke out.
 */
export function ghostStrip(ours: Snapshot, ghost: Snapshot | null, silent: SilentReport | null): GhostStrip {
  if (!ghost) return { fires: 'starts with you.', saved: null };
  const name = (id: string) => ours.services[id]?.name ?? ghost.services[id]?.name ?? id;
  const here = mapState(ours);
  const there = mapState(ghost);
  const quietHere = ours.openIncidents.length === 0;
  const quietThere = ghost.openIncidents.length === 0;
  const clauses: { text: string; services: string[] }[] = [];
  if (quietHere && quietThere) clauses.push({ text: 'quiet there too', services: [] });
  else {
    const both = ours.serviceOrder.filter((s) => here.onFire.has(s) && there.onFire.has(s));
    const named = new Set(both);
    if (both.length > 0) clauses.push({ text: `${list(both.map(name))} burning here and there`, services: both });
    clauses.push(...sideClauses(there, here, named, name, 'there', ours.now));
    clauses.push(...sideClauses(here, there, named, name, 'here', ours.now));
    const shown = clauses.slice(0, NAMED);
    const hidden = clauses.slice(NAMED).reduce((n, c) => n + c.services.length, 0);
    clauses.length = 0;
    clauses.push(...shown);
    if (hidden > 0) clauses.push({ text: `${hidden} more burning`, services: [] });
    if (here.onFire.size === 0) clauses.push({ text: restOf(here, name, 'here'), services: [] });
    if (there.onFire.size === 0) clauses.push({ text: restOf(there, name, 'there'), services: [] });
  }
  return { fires: `${clauses.map((c) => c.text).join('; ')}.`, saved: savedLine(ours, silent) };
}

/** The latest fire there that did not happen here in the last day, and what prevented it. */
function savedLine(ours: Snapshot, silent: SilentReport | null): string | null {
  let latest: SilentReport['prevented'][number] | null = null;
  for (const p of silent?.prevented ?? []) {
    const age = ours.now - p.incident.startedAt;
    if (age < 0 || age > KEEP_SAVED_MINUTES) continue;
    if (!latest || p.incident.startedAt > latest.incident.startedAt) latest = p;
  }
  if (!latest) return null;
  const p = latest;
  return `✓ ${dayAndTime(p.incident.startedAt)}: ${p.serviceName} caught fire there (${conditionWords(p.incident.kind)}). Not here: “${p.preventedBy.title}”.`;
}
