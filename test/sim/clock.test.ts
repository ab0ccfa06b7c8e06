import { describe, expect, it } from 'vitest';
import {
  dayOf,
  formatClock,
  hourOf,
  isNight,
  isShiftChange,
  isWeekend,
  isWorkHours,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  MINUTES_PER_WEEK,
  shiftOf,
  weekdayOf,
  weekOf,
} from '../../src/sim';

const at = (day: number, hour: number, minute = 0) => day * MINUTES_PER_DAY + hour * MINUTES_PER_HOUR + minute;

describe('the simulated clock', () => {
  it('counts weeks, days and hours from Monday 00:00', () => {
    expect(MINUTES_PER_WEEK).toBe(7 * MINUTES_PER_DAY);
    expect(weekOf(MINUTES_PER_WEEK - 1)).toBe(0);
    expect(weekOf(MINUTES_PER_WEEK)).toBe(1);
    expect(dayOf(at(3, 12))).toBe(3);
    expect(hourOf(at(3, 12, 59))).toBe(12);
    expect(weekdayOf(at(8, 1))).toBe(1);
    expect(isWeekend(at(4, 23))).toBe(false);
    expect(isWeekend(at(5, 0))).toBe(true);
    expect(isWeekend(at(6, 23, 59))).toBe(true);
    expect(isWeekend(at(7, 0))).toBe(false);
  });

  it('night runs from 23:00 to 07:00', () => {
    expect(isNight(at(0, 0))).toBe(true);
    expect(isNight(at(0, 6, 59))).toBe(true);
    expect(isNight(at(0, 7))).toBe(false);
    expect(isNight(at(0, 12))).toBe(false);
    expect(isNight(at(0, 22, 59))).toBe(false);
    expect(isNight(at(0, 23))).toBe(true);
    expect(isNight(at(5, 3))).toBe(true);
  });

  it('work hours are 09:00 to 17:00 on weekdays only', () => {
    expect(isWorkHours(at(0, 8, 59))).toBe(false);
    expect(isWorkHours(at(0, 9))).toBe(true);
    expect(isWorkHours(at(4, 16, 59))).toBe(true);
    expect(isWorkHours(at(4, 17))).toBe(false);
    expect(isWorkHours(at(5, 10))).toBe(false);
    expect(isWorkHours(at(6, 10))).toBe(false);
    expect(isWorkHours(at(7, 10))).toBe(true);
  });

  it('on-call shifts are twelve hours long and change at 08:00 and 20:00', () => {
    expect(shiftOf(at(0, 7, 59))).toBe(shiftOf(at(0, 0)));
    expect(shiftOf(at(0, 8))).toBe(shiftOf(at(0, 0)) + 1);
    expect(shiftOf(at(0, 19, 59))).toBe(shiftOf(at(0, 8)));
    expect(shiftOf(at(0, 20))).toBe(shiftOf(at(0, 8)) + 1);
    expect(shiftOf(at(1, 7, 59))).toBe(shiftOf(at(0, 20)));
    // Two shifts a day, every day.
    expect(shiftOf(at(7, 8)) - shiftOf(at(0, 8))).toBe(14);
    for (let t = 0; t < 2 * MINUTES_PER_DAY; t++) {
      expect(isShiftChange(t)).toBe(t > 0 && shiftOf(t) !== shiftOf(t - 1));
    }
  });

  it('formats the clock the way the HUD shows it', () => {
    expect(formatClock(0)).toBe('Week 1 · Mon 00:00');
    expect(formatClock(at(2, 9, 5))).toBe('Week 1 · Wed 09:05');
    expect(formatClock(at(6, 23, 59))).toBe('Week 1 · Sun 23:59');
    expect(formatClock(MINUTES_PER_WEEK + at(4, 17, 30))).toBe('Week 2 · Fri 17:30');
  });
});
