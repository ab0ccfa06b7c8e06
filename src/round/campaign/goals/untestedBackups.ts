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

/**
 * Level 1: find the database's hidden data corruption path and guard it before Thursday night (a drill or a
 * deep review brings it to light), and when the database gives way, the people on call restore it without
 * waking the one person who knows it.
 */
export function untestedBackupsGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const db = nameOf(world, 'db');
  const fire = scriptedFires(level).find((f) => f.service === 'db');
  const deadline = fire?.at ?? world.now;
  const guarded = guardedAt(scenarioWeakness(world, 'db', 'data'));
  const inTime = guarded !== null && guarded <= deadline;
  const inc = fire?.incident ?? null;
  return verdict([
    {
      asks: `Find the weakness hiding in ${db} and guard it before Thursday night`,
      met: inTime,
      seen:
        guarded === null
          ? 'nobody guarded it: it was never brought to light, or no item was filed on it'
          : `an action item guarded it at ${clockOf(guarded)}${inTime ? '' : ', after the database had already given way'}`,
    },
    {
      asks: `When ${db} gives way, restore it without calling in the expert`,
      met: fire !== undefined && (inc === null || (!inc.expertCalled && inc.mitigatedAt !== null)),
      seen: !fire
        ? 'the round ended before Thursday night'
        : !inc
          ? `at ${clockOf(fire.at)} the trigger came and nothing gave way`
          : inc.expertCalled
            ? 'the expert was called in'
            : inc.mitigatedAt === null
              ? `the people on call were still working on it when the round ended`
              : `the people on call restored it themselves, ${inc.mitigatedAt - (inc.pagedAt ?? inc.startedAt)} minutes after the page`,
    },
  ]);
}
