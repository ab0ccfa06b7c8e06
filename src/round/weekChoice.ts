import { choiceOpen, MINUTES_PER_WEEK, type Snapshot, weekNumber } from '../sim';

/** How many of the asked minutes to play so the round stops at the next week boundary (where a choice waits). */
export function minutesToBoundary(s: Snapshot, minutes: number): number {
  const left = MINUTES_PER_WEEK - (s.now % MINUTES_PER_WEEK);
  return Math.min(minutes, left);
}

/** The week whose investment is to be chosen now: at the first minute of each week from the second on. */
export function weekChoiceDue(s: Snapshot): number | null {
  return s.now > 0 && s.now % MINUTES_PER_WEEK === 0 && choiceOpen(s) ? weekNumber(s.now) : null;
}
