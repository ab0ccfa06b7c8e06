import { clockOf, type GoalVerdict, guardedAt, nameOf, type PlayedLevel, scenarioWeakness, verdict } from '../played';

/** Thursday 08:00, when the crowd comes back (the scenario's peak). */
const PEAK_STARTS = 3 * 1440 + 8 * 60;

/**
 * Level 6: the crowd coming back is announced; before it arrives, the capacity limits it will hit are found
 * (a drill, a near miss) and guarded.
 */
export function coldCacheGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const starts = world.peaks?.[0]?.from ?? PEAK_STARTS;
  return verdict(
    ['cache', 'api'].map((service) => {
      const at = guardedAt(scenarioWeakness(world, service, 'capacity'));
      const inTime = at !== null && at <= starts;
      return {
        asks: `Guard the capacity limit in ${nameOf(world, service)} before the crowd is back (${clockOf(starts)})`,
        met: inTime,
        seen:
          at === null
            ? 'it was never guarded'
            : `an item guarded it at ${clockOf(at)}${inTime ? '' : ', after the crowd was back'}`,
      };
    }),
  );
}
