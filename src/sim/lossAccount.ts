import { durationText, formatClock, MINUTES_PER_WEEK, type Minute } from './clock';
import type { Snapshot } from './model/snapshot';
import type { Incident } from './model/types';
import { allEvents } from './model/world';
import { conditionWords } from './rules/actionItems';
import { tuning } from './tuning';

/** A lost round's account: when, why in the world's own words, and what would have prevented it. */
export interface LossAccount {
  cause: 'trust' | 'people';
  at: Minute;
  /** The sentence the world gave when the round was lost. */
  reason: string;
  /** What would have prevented it: each a change the rules reward, with this round's numbers behind it, the weightiest first. */
  wouldHavePrevented: string[];
}

type Inc = Snapshot['incidents'][string];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const cm = (x: number) => Math.round(x);

function incidentsOf(s: Snapshot): Inc[] {
  const out: Inc[] = [];
  for (const id of s.incidentOrder) {
    const inc = s.incidents[id];
    if (inc && !inc.prior) out.push(inc);
  }
  return out;
}

const minutesOf = (list: readonly Inc[]) => list.reduce((sum, i) => sum + i.customerMinutes, 0);
const untold = (i: Pick<Incident, 'statusUpdates'> & { roles: Incident['roles'] }) =>
  i.statusUpdates === 0 && i.roles.comms === undefined;

/**
 * Customers' trust falls with every customer-minute, twice as fast while customers found the outage
 * themselves and faster while nobody tells them anything: so the levers are fixing sooner, alerting
 * first, telling customers, and removing what keeps coming back.
 */
function trustLevers(s: Snapshot): string[] {
  const all = incidentsOf(s);
  const n = all.length;
  const levers: { weight: number; text: string }[] = [];
  const neverFixed = all.filter((i) => i.mitigatedAt === null);
  const unanswered = all.filter((i) => i.pagedAt !== null && i.ackAt === null).length;
  if (neverFixed.length > 0)
    levers.push({
      weight: minutesOf(neverFixed),
      text: `Answer the pages and apply a fix: ${neverFixed.length} of ${plural(n, 'incident')} ${neverFixed.length === 1 ? 'was' : 'were'} never mitigated${unanswered > 0 ? ` (${plural(unanswered, 'page')} never answered)` : ''}, costing ${cm(minutesOf(neverFixed))} customer-minutes.`,
    });
  const silent = all.filter((i) => i.customerMinutes > 0 && untold(i));
  if (silent.length > 0)
    levers.push({
      weight: minutesOf(silent),
      text: `Tell customers what is going on: ${silent.length} of ${plural(n, 'incident')} had no status update and nobody in the comms role, through ${cm(minutesOf(silent))} customer-minutes.`,
    });
  const found = all.filter((i) => i.detectedBy === 'customer' || i.detectedAt === null);
  if (found.length > 0)
    levers.push({
      weight: minutesOf(found),
      text: `Alert before customers notice: customers found ${found.length} of ${plural(n, 'incident')} first (or nobody had noticed ${found.length === 1 ? 'it' : 'them'} yet), which costs twice the trust.`,
    });
  const byCondition = new Map<string, Inc[]>();
  for (const i of all) byCondition.set(i.conditionId, [...(byCondition.get(i.conditionId) ?? []), i]);
  for (const [id, list] of byCondition) {
    if (list.length < 2) continue;
    const closedOn = Object.values(s.actionItems).some((a) => a.status === 'closed' && a.conditionId === id);
    if (closedOn) continue;
    const first = list[0] as Inc;
    levers.push({
      weight: minutesOf(list.slice(1)),
      text: `Close an item on what keeps coming back: the ${conditionWords(first.kind)} in ${s.services[first.service]?.name ?? first.service} burned ${list.length} times with no item closed on it.`,
    });
  }
  return levers.sort((a, b) => b.weight - a.weight).map((l) => l.text);
}

/** People leave when tiredness and low morale meet: pages past the budget, nights, weeks on call in a row, toil, blame. */
function peopleLevers(s: Snapshot): string[] {
  const out: string[] = [];
  const events = allEvents(s);
  const pages = new Map<string, number>();
  let total = 0;
  for (const e of events) {
    // A page rings someone's pager: the first page, each one passed on when nobody answered, and the
    // page to another team's on-call when the fire spreads into their service.
    const rang =
      e.type === 'paged' ||
      (e.type === 'escalated' && e.reason === 'timeout') ||
      (e.type === 'team-pulled-in' && e.via === 'spread');
    if (!rang) continue;
    pages.set(e.engineer, (pages.get(e.engineer) ?? 0) + 1);
    total += 1;
  }
  const name = (id: string) => s.engineers[id]?.name ?? id;
  const left = events.flatMap((e) => (e.type === 'burnout' ? [s.engineers[e.engineer]] : [])).filter((e) => !!e);
  if (left.length > 0) {
    const rotated = left.some((e) => (e.onCallWeeksInRow ?? 0) > 1);
    const who = left.map((e) => {
      const weeks = e.onCallWeeksInRow ?? 0;
      return `${e.name} of ${s.teams[e.team]?.name ?? e.team} (${weeks > 1 ? `${weeks} weeks on call in a row, ` : ''}${plural(pages.get(e.id) ?? 0, 'page')})`;
    });
    out.push(
      `${rotated ? 'Rotate who carries the pager' : 'Share the load'}: ${who.join(', ')} burned out and left${left.length > 1 ? `, the last on ${formatClock(left[left.length - 1]?.leftAt ?? s.now)}` : ''}.`,
    );
  }
  const [busiest, most] = [...pages.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (busiest && total > 0 && most / total >= 0.4)
    out.push(`Spread the pages: ${name(busiest)} took ${most} of the round's ${total}.`);
  const over = s.totals.shiftsCounted - s.totals.shiftsWithinBudget;
  if (over > 0)
    out.push(
      `Keep shifts within the pager budget: ${over} of ${plural(s.totals.shiftsCounted, 'team shift')} had more than ${tuning.pagerBudgetPerShift} pages.`,
    );
  if (s.totals.nightPages > 0)
    out.push(`Fewer pages at night: ${s.totals.nightPages} of ${plural(s.totals.pages, 'page')} came at night.`);
  const blamed = Object.values(s.retros).filter((r) => r.framing === 'blame').length;
  if (blamed > 0) out.push(`Stop blaming: ${plural(blamed, 'retro')} named a person, and morale sank with trust.`);
  return out;
}

/** The account of a lost round, from the world as it ended; null when the round was not lost. */
export function lossAccount(s: Snapshot): LossAccount | null {
  const lost = s.lost;
  if (!lost) return null;
  return {
    cause: lost.cause,
    at: lost.at,
    reason: lost.reason,
    wouldHavePrevented: (lost.cause === 'trust' ? trustLevers(s) : peopleLevers(s)).slice(0, 4),
  };
}

/** "Lost on Week 2 · Wed 14:20, after 9 days": when, in the round's clock. */
export function lossWhen(at: Minute): string {
  return `${formatClock(at)}, after ${durationText(at)}`;
}

/** Weeks the round was played: all of them, or up to the week it was lost in. */
export function weeksPlayed(s: Pick<Snapshot, 'weeks' | 'lost'>): number {
  return s.lost ? Math.min(s.weeks, Math.floor(s.lost.at / MINUTES_PER_WEEK) + 1) : s.weeks;
}
