/** Simulated time: minutes since Monday 00:00 of week one. */
export type Minute = number;

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 10080;
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function weekOf(t: Minute): number {
  return Math.floor(t / MINUTES_PER_WEEK);
}

export function dayOf(t: Minute): number {
  return Math.floor(t / MINUTES_PER_DAY);
}

export function hourOf(t: Minute): number {
  return Math.floor((t % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
}

export function weekdayOf(t: Minute): number {
  return dayOf(t) % 7;
}

export function isWeekend(t: Minute): boolean {
  return weekdayOf(t) >= 5;
}

/** Night is 23:00–07:00: people sleep and a page costs more. */
export function isNight(t: Minute): boolean {
  const h = hourOf(t);
  return h >= 23 || h < 7;
}

/** Work hours are 09:00–17:00 on weekdays. */
export function isWorkHours(t: Minute): boolean {
  const h = hourOf(t);
  return !isWeekend(t) && h >= 9 && h < 17;
}

/** 12-hour on-call shifts start at 08:00 and 20:00. */
export function shiftOf(t: Minute): number {
  return Math.floor((t + 4 * MINUTES_PER_HOUR) / (12 * MINUTES_PER_HOUR));
}

export function isShiftChange(t: Minute): boolean {
  return t % MINUTES_PER_DAY === 8 * MINUTES_PER_HOUR || t % MINUTES_PER_DAY === 20 * MINUTES_PER_HOUR;
}

export function formatClock(t: Minute): string {
  const h = String(hourOf(t)).padStart(2, '0');
  const m = String(t % MINUTES_PER_HOUR).padStart(2, '0');
  return `Week ${weekOf(t) + 1} · ${DAY_NAMES[weekdayOf(t)]} ${h}:${m}`;
}

/** A stretch of simulated time in words: "40 min", "2 h 10 min", "3 d 4 h". */
export function durationText(minutes: Minute): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < MINUTES_PER_HOUR) return `${m} min`;
  if (m < MINUTES_PER_DAY) {
    const h = Math.floor(m / MINUTES_PER_HOUR);
    const r = m % MINUTES_PER_HOUR;
    return r === 0 ? `${h} h` : `${h} h ${r} min`;
  }
  const d = Math.floor(m / MINUTES_PER_DAY);
  const h = Math.floor((m % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}
