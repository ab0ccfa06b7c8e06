import { isShiftChange, isWorkHours, MINUTES_PER_DAY, MINUTES_PER_WEEK } from './clock';
import type { Snapshot } from './model/snapshot';
import type { SimState } from './model/types';
import { logEvent, openIncidents } from './model/world';
import { chaosCheck } from './rules/chaos';
import { tickIncident } from './rules/incidentTick';
import { arriveHires } from './rules/investments';
import { decayKnowledge } from './rules/knowledge';
import { closeShift, dailyPeople, hourlyPeople } from './rules/people';
import { announcePeaks, checkLoss, peaksIn } from './rules/pressure';
import { shadowForAnHour } from './rules/shadowing';
import { staleActionItems, workHour } from './rules/work';
import { tuning } from './tuning';

export function roundMinutes(state: Snapshot): number {
  return state.weeks * MINUTES_PER_WEEK;
}

/** The round is over at its last minute, or at once when it is lost. */
export function roundOver(state: Snapshot): boolean {
  return state.now >= roundMinutes(state) || Boolean(state.lost);
}

/**
 * How many of the next minutes a world with no open incident would spend only reading its clock:
 * up to the next chaos check or hour (shifts, people, work and days all begin on the hour), the next
 * peak notice, and the round's last minute. Call it right after a whole minute was stepped, so the
 * loss check has already seen the world as it stands; skipping those minutes leaves the world exactly
 * as stepping them would, only sooner.
 */
export function quietMinutesAhead(state: Snapshot, limit: number): number {
  if (limit <= 0 || state.openIncidents.length > 0 || state.lost) return 0;
  const t = state.now;
  const every = (n: number) => Math.ceil(t / n) * n;
  let next = Math.min(every(tuning.chaosEveryMinutes), every(60), roundMinutes(state) - 1);
  for (const p of peaksIn(state)) {
    if (p.announceAt >= t) next = Math.min(next, p.announceAt);
    if (p.from >= t) next = Math.min(next, p.from);
  }
  return Math.max(0, Math.min(limit, next - t));
}

/**
 * One simulated minute. Rules run in a fixed order so the same inputs give the same world. The
 * never-learning replay cannot lose (`canLose` false): a measuring stick plays the whole round.
 */
export function stepMinute(state: SimState, canLose = true): void {
  if (roundOver(state)) return;
  const t = state.now;
  announcePeaks(state);
  if (t > 0 && isShiftChange(t)) closeShift(state);
  if (t % tuning.chaosEveryMinutes === 0) chaosCheck(state);
  for (const inc of openIncidents(state)) tickIncident(state, inc);
  if (t % 60 === 0) {
    hourlyPeople(state);
    if (isWorkHours(t)) {
      shadowForAnHour(state);
      workHour(state);
    }
  }
  if (t % MINUTES_PER_DAY === 0 && t > 0) {
    dailyPeople(state);
    decayKnowledge(state, t);
    staleActionItems(state);
    arriveHires(state);
  }
  if (canLose) checkLoss(state);
  state.now = t + 1;
  if (roundOver(state)) logEvent(state, { type: 'round-over' });
}
