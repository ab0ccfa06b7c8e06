import {
  clockOf,
  type GoalVerdict,
  guardedAt,
  nameOf,
  type PlayedLevel,
  scenarioWeakness,
  scriptedFires,
  verdict,
} from '../played';

/** Services the store's fire may reach, counting the store itself. */
export const MAX_REACH = 2;

/**
 * Level 2: keep the blast radius small (the store's fire put out before it spreads far along what depends on
 * it), then put a guard rail on the tool that caused it (an item on the store's risky config path).
 */
export function blastRadiusGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const store = nameOf(world, 'store');
  const fire = scriptedFires(level).find((f) => f.service === 'store');
  const inc = fire?.incident ?? null;
  const reach = inc ? inc.affected.length : 0;
  const guarded = guardedAt(scenarioWeakness(world, 'store', 'config'));
  return verdict([
    {
      asks: `Keep the blast radius small: ${store}'s fire reaches at most ${MAX_REACH} services`,
      met: fire !== undefined && reach <= MAX_REACH && (inc === null || inc.mitigatedAt !== null),
      seen: !fire
        ? 'the round ended before Tuesday morning'
        : !inc
          ? `at ${clockOf(fire.at)} the command ran and nothing gave way`
          : `it reached ${reach} service${reach === 1 ? '' : 's'} (${inc.affected.map((s) => nameOf(world, s)).join(', ')})${inc.mitigatedAt === null ? ' and was still burning' : ''}`,
    },
    {
      asks: `Put a guard rail on the tool: an action item closed this week on the weakness behind ${store}'s outage`,
      met: guarded !== null,
      seen: guarded === null ? 'no item closed on it' : `an item closed on it at ${clockOf(guarded)}`,
    },
  ]);
}
