import type { Immutable } from 'immer';
import { isDraft, original } from 'immer';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type Minute } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { Peak, SimState } from '../model/types';
import { logEvent, serviceName } from '../model/world';
import type { Scenario } from '../scenario/schema';
import { tuning } from '../tuning';

/** The scenario's peaks at their minutes of the round. */
export function peaksOf(scenario: Pick<Scenario, 'peaks'>): Peak[] {
  return scenario.peaks.map((p) => {
    const [h, m] = p.time.split(':').map(Number);
    const from = (p.day - 1) * MINUTES_PER_DAY + (h ?? 0) * 60 + (m ?? 0);
    return {
      name: p.name,
      services: [...p.services],
      multiplier: p.load,
      from,
      until: from + p.days * MINUTES_PER_DAY,
      announceAt: Math.max(0, from - p.announceDays * MINUTES_PER_DAY),
    };
  });
}

/** Business grows: every week of the round brings more traffic than the last. */
export function growthAt(t: Minute): number {
  return 1 + tuning.loadGrowthPerWeek * (t / MINUTES_PER_WEEK);
}

/**
 * The world's peaks, read without going through a draft: they never change during a round, and the
 * chaos check reads them every few minutes (a draft would make a proxy of each, every time).
 */
export function peaksIn(state: Pick<Snapshot, 'peaks'>): Snapshot['peaks'] & {} {
  return (isDraft(state) ? original(state as SimState)?.peaks : state.peaks) ?? [];
}

/** The peak multiplier on a service at a minute (1 outside every peak). */
export function peakFactor(state: Pick<Snapshot, 'peaks'>, service: string, t: Minute): number {
  let factor = 1;
  for (const p of peaksIn(state)) {
    if (t >= p.from && t < p.until && p.services.includes(service)) factor = Math.max(factor, p.multiplier);
  }
  return factor;
}

/** A service's load at a minute: its typical load, grown through the round and raised by any peak. */
export function loadOf(state: Pick<Snapshot, 'services' | 'peaks'>, service: string, t: Minute): number {
  const base = state.services[service]?.load ?? 0;
  return base * growthAt(t) * peakFactor(state, service, t);
}

/** The peak's services by name, for the players: "Checkout and Payments". */
export function peakServices(state: Snapshot, p: Immutable<Peak>): string {
  const names = p.services.map((s) => serviceName(state, s));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The next peak not yet over, announced by now: what the HUD tells the players to prepare for. */
export function announcedPeak(state: Snapshot): Immutable<Peak> | null {
  let next: Immutable<Peak> | null = null;
  for (const p of state.peaks ?? []) {
    if (state.now < p.announceAt || state.now >= p.until) continue;
    if (!next || p.from < next.from) next = p;
  }
  return next;
}

/** Tells the players when a peak is announced and when it begins. */
export function announcePeaks(state: SimState): void {
  peaksIn(state).forEach((p, i) => {
    if (state.now === p.announceAt && p.announceAt < p.from)
      logEvent(state, { type: 'peak-announced', peak: i, name: p.name, startsAt: p.from });
    if (state.now === p.from) logEvent(state, { type: 'peak-started', peak: i, name: p.name });
  });
}

/**
 * Customers' trust as every screen, export and sentence shows it: whole percent, rounded down, so a round
 * lost below 25% never reads 25%.
 */
export function trustPercent(trust: number): string {
  return `${Math.floor(trust * 100 + 1e-9)}%`;
}

/**
 * How many people have left (burning out is the only way to leave) against the headcount the round
 * began with (everyone not hired since). Read from totals, so the check each minute touches nobody.
 */
export function peopleGone(state: Snapshot): { gone: number; start: number } {
  return { gone: state.totals.burnouts, start: state.engineerOrder.length - state.totals.hires };
}

/**
 * A round is lost when customers stop trusting the service or the organization loses too many
 * people: the round ends at that minute, with the reason.
 */
export function checkLoss(state: SimState): void {
  if (state.lost) return;
  if (state.customerTrust < tuning.lossTrust) {
    loseRound(
      state,
      'trust',
      `Customers lost their trust (down to ${trustPercent(state.customerTrust)}, below ${trustPercent(tuning.lossTrust)}): too many outages they felt, too late and too long.`,
    );
    return;
  }
  const { gone, start } = peopleGone(state);
  if (start > 0 && gone > start * tuning.lossPeopleShare) {
    loseRound(
      state,
      'people',
      `The organization lost ${gone} of its ${start} people to burnout — more than ${tuning.lossPeopleShare === 1 / 3 ? 'a third' : `${Math.round(tuning.lossPeopleShare * 100)}%`}; nobody is left to carry the pager.`,
    );
  }
}

function loseRound(state: SimState, cause: 'trust' | 'people', reason: string): void {
  state.lost = { cause, at: state.now, reason };
  logEvent(state, { type: 'round-lost', cause, reason });
}

/** What the players are told of a peak at a minute: "Black Friday sale in 3 days: load ×1.8 on Checkout". */
export function peakNotice(state: Snapshot, p: Immutable<Peak>, t: Minute): string {
  const load = `load ×${Number(p.multiplier.toFixed(2))} on ${peakServices(state, p)}`;
  if (t >= p.from) return `${p.name} now: ${load}`;
  const days = Math.ceil((p.from - t) / MINUTES_PER_DAY);
  const when = days <= 1 ? `in ${Math.max(1, Math.ceil((p.from - t) / 60))} hours` : `in ${days} days`;
  return `${p.name} ${when}: ${load}`;
}
