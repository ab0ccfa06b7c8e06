import {
  clockOf,
  type GoalVerdict,
  nameOf,
  type PlayedLevel,
  removedAt,
  scenarioWeakness,
  scriptedFires,
  verdict,
} from '../played';

/**
 * Level 4: the old code path sits unseen on the router. Find it (a deep review led by someone who was not
 * involved, or a drill) and remove it before the market opens on Thursday.
 */
export function deadCodeGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const router = nameOf(world, 'router');
  const fire = scriptedFires(level).find((f) => f.service === 'router');
  const removed = removedAt(scenarioWeakness(world, 'router', 'config'));
  const deadline = fire?.at ?? world.now;
  return verdict([
    {
      asks: `Remove the old code path from ${router} before the market opens on Thursday`,
      met: removed !== null && removed <= deadline,
      seen:
        removed === null
          ? 'it was never removed'
          : `an action item removed it at ${clockOf(removed)}${removed <= deadline ? '' : ', after the market had opened'}`,
    },
  ]);
}
