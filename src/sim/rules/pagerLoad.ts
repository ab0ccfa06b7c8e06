import { MINUTES_PER_HOUR, MINUTES_PER_WEEK } from '../clock';
import type { Engineer, SimState } from '../model/types';
import { clamp01 } from '../model/world';
import { tuning } from '../tuning';

/**
 * The pager budget, per person [SRE-11, PD, SLEEP]. Harm rises with pages per shift, with
 * interruptions per month and with weeks on call in a row without a week off; a rotation inside
 * the budget lets people recover, and being on call with no page costs only a little sleep.
 */

/** Shifts in four weeks: the window interruptions per month are counted over. */
const SHIFTS_PER_MONTH = (4 * MINUTES_PER_WEEK) / (12 * MINUTES_PER_HOUR);

/** Pages a person took over about the last four weeks (a fading count). */
export function interruptionsPerMonth(e: Engineer): number {
  return e.pagesThisMonth ?? 0;
}

/** Weeks on call in a row beyond the budget's one week off in four. */
export function weeksOverBudget(e: Engineer): number {
  return Math.max(0, (e.onCallWeeksInRow ?? 0) - tuning.onCallWeeksInRowBudget);
}

/**
 * How much the pager drags on a person's morale: interruptions per month against PagerDuty's
 * marks (2 healthy, 7 bad, 19 a burnout sign), and weeks on call without a break.
 */
export function pagerStrain(e: Engineer): number {
  const marks = tuning.interruptionMarks;
  const n = interruptionsPerMonth(e);
  let fromPages = 0;
  if (n > marks.bad)
    fromPages =
      marks.badStrain + ((n - marks.bad) / (marks.burnout - marks.bad)) * (marks.burnoutStrain - marks.badStrain);
  else if (n > marks.healthy) fromPages = ((n - marks.healthy) / (marks.bad - marks.healthy)) * marks.badStrain;
  const fromWeeks = tuning.strainPerWeekOver * weeksOverBudget(e);
  return Math.min(tuning.maxPagerStrain, fromPages + fromWeeks);
}

/**
 * An hour of a night on call with no page: lighter sleep than off call, though still rest
 * [SLEEP; Dettmers 2016]. Week after week without a break, it stops being rest at all.
 */
export function onCallNightRest(e: Engineer): number {
  return Math.min(
    tuning.onCallNight.worst,
    tuning.onCallNight.rest + tuning.onCallNight.perWeekOver * weeksOverBudget(e),
  );
}

/** Called each hour for the people carrying a pager: on call for a good part of a week counts. */
export function countOnCallHour(e: Engineer): void {
  e.onCallHoursThisWeek = (e.onCallHoursThisWeek ?? 0) + 1;
}

/** At the end of each week: a week with a day or more on call extends the run; a week off ends it. */
export function closeOnCallWeek(state: SimState): void {
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active') continue;
    const onCallWeek = (e.onCallHoursThisWeek ?? 0) >= tuning.onCallHoursForAWeek;
    e.onCallWeeksInRow = onCallWeek ? (e.onCallWeeksInRow ?? 0) + 1 : 0;
    e.onCallHoursThisWeek = 0;
  }
}

/**
 * At a shift change: the shift's pages join the month's count, and every page beyond the shift's
 * budget leaves follow-up undone and fatigue piled up [SRE-11].
 */
export function closePersonalShift(e: Engineer): void {
  const pages = e.pagesThisShift;
  e.pagesThisMonth = interruptionsPerMonth(e) * (1 - 1 / SHIFTS_PER_MONTH) + pages;
  const over = Math.max(0, pages - tuning.pagerBudgetPerShift);
  if (over > 0) e.fatigue = clamp01(e.fatigue + tuning.fatiguePerPageOverBudget * over);
}
