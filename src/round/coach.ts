import type { Immutable } from 'immer';
import { plural } from '../content/words';
import { MINUTES_PER_DAY, type SilentSuccess, type Snapshot, tuning, type Incident as WorldIncident } from '../sim';

type Incident = Immutable<WorldIncident>;

/** A live SEV1 with nobody working it this long (simulated minutes) gets a nudge before it can lose the round. */
export const NEGLECT_MINUTES = 30;

/** How long after a fire its retro can still be held (the side panel's "Ready for a retro"). */
const RETRO_WINDOW = 3 * MINUTES_PER_DAY;

const LIVE = new Set(['detected', 'paged', 'acknowledged', 'investigating']);

/** The last minute anyone did anything about an incident: noticed, acknowledged, looked, tried a fix. */
function lastWorkedAt(inc: Incident): number {
  let last = Math.max(inc.detectedAt ?? 0, inc.ackAt ?? 0, inc.lastStatusAt ?? 0);
  for (const c of inc.clues) last = Math.max(last, c.at);
  for (const a of inc.attempts) last = Math.max(last, a.doneAt);
  for (const h of inc.handoffs) last = Math.max(last, h.at);
  return last;
}

/**
 * Live SEV1 incidents that nobody has worked for `minutes`: no step under way, no fix pending, and nothing done
 * since. Read from the world; nothing here changes it.
 */
export function neglectedFires(s: Snapshot, minutes = NEGLECT_MINUTES): { incident: Incident; idleFor: number }[] {
  const out: { incident: Incident; idleFor: number }[] = [];
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (inc?.sev !== 1 || !LIVE.has(inc.phase)) continue;
    if (inc.inquiries.length > 0 || inc.attempts.some((a) => a.outcome === 'pending')) continue;
    const idleFor = s.now - lastWorkedAt(inc);
    if (idleFor >= minutes) out.push({ incident: inc, idleFor });
  }
  return out;
}

/**
 * The banner for a neglected fire: what is burning, for how long, what is at stake, and what to do; that the clock
 * is stopped only while it is.
 */
export function neglectBanner(s: Snapshot, inc: Incident, idleFor: number, stopped: boolean): string {
  const name = s.services[inc.service]?.name ?? inc.service;
  const trust = Math.round(s.customerTrust * 100);
  const floor = Math.round(tuning.lossTrust * 100);
  const todo =
    inc.phase === 'paged' || inc.phase === 'detected'
      ? 'Acknowledge the page (A), or page the secondary.'
      : 'Pick who looks and a step, or page the secondary.';
  return `${name} SEV1 has burned ${idleFor} min with nobody working it. Customers' trust is ${trust}% (the round is lost below ${floor}%). ${stopped ? `The clock is stopped: ${todo}` : todo}`;
}

/** What the round looks like to the coach. */
export interface CoachView {
  snapshot: Snapshot;
  /** The clock is running (not paused, no dialog). */
  running: boolean;
  /** The week whose investment waits for the players, or null. */
  weekChoice: number | null;
  /** Fires of the other timeline whose minute just passed here without a fire. */
  justPrevented: readonly SilentSuccess[];
}

/**
 * The guided round's next tip, past the first fire and through the whole round: the owed retros, holding one,
 * filing and closing an item, giving the team time, the week's choice, and the repeat that does not come. Each
 * tip is read from the world as it is now, so it is never stale; null when there is nothing to say.
 */
export function coachTip(v: CoachView): string | null {
  const s = v.snapshot;
  if (v.justPrevented.length > 0) {
    const p = v.justPrevented[0] as SilentSuccess;
    return `That is the repeat that did not come: ${p.serviceName} just burned in the other timeline, not here — “${p.preventedBy.title}” saw to it.`;
  }
  if (v.weekChoice !== null)
    return 'The clock is stopped for the week’s choice: talk it over, then take one investment or let the week pass.';
  const live = s.openIncidents.map((id) => s.incidents[id]).filter((i) => i && i.phase !== 'undetected');
  const talk = v.running ? ' Space pauses: talk it over.' : '';
  if (live.length > 0) return v.running ? 'A fire is live and the clock is running. Space pauses: talk it over.' : null;
  // As the side panel offers them: a retro can be held for three days after the fire.
  const owed = s.incidentOrder
    .map((id) => s.incidents[id])
    .filter((i): i is Incident => !!i && i.phase === 'resolved')
    .filter((i) => !i.retroId || s.retros[i.retroId]?.phase !== 'published')
    .filter((i) => s.now - (i.resolvedAt ?? 0) < RETRO_WINDOW);
  const fireOut = s.incidentOrder.some((id) => !s.incidents[id]?.prior && s.incidents[id]?.phase === 'resolved');
  const held = Object.values(s.retros).filter((r) => r.phase === 'published').length;
  const items = Object.values(s.actionItems);
  const open = items.filter((a) => a.status === 'open');
  const closed = items.filter((a) => a.status === 'closed');
  const fromLastWeek = owed.filter((i) => i.prior).length;
  if (owed.length > 0 && held === 0)
    return `${fireOut ? 'The fire is out. ' : ''}${plural(owed.length, 'retro is', 'retros are')} owed${fromLastWeek > 0 ? ` (${fromLastWeek} from last week, whose failures come back more readily until an item closes on them)` : ''}: press Hold a retro under “Ready for a retro”.${talk}`;
  if (open.length > 0 && closed.length === 0) {
    const team = s.teams[open[0]?.team ?? '']?.name ?? 'the team';
    const share = Math.round((s.teams[open[0]?.team ?? '']?.reliabilityShare ?? 0) * 100);
    return `${plural(open.length, 'action item')} filed. Only a closed item changes anything: ${team} spends ${share}% of its time on them — give it more under “Time for reliability work”.${talk}`;
  }
  if (closed.length > 0 && held > 0 && owed.length > 0)
    return `${plural(owed.length, 'retro')} still owed: each one held finds weaknesses to close.${talk}`;
  if (closed.length > 0) {
    const last = closed[closed.length - 1];
    const service = s.services[last?.service ?? '']?.name ?? 'its service';
    return `“${last?.title}” is closed: ${service} is safer now. Watch the strip under the scores: when the other timeline burns there and you do not, that is the repeat that did not come.${talk}`;
  }
  if (owed.length > 0) return `${plural(owed.length, 'retro')} still owed.${talk}`;
  return null;
}
