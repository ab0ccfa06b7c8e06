import { busFactor } from '../../../sim';
import { clockOf, type GoalVerdict, nameOf, type PlayedLevel, scriptedFires, verdict } from '../played';

/** Minutes from the answer to a named incident commander, at most. */
export const COMMAND_MINUTES = 10;

/**
 * Level 5: when the backbone under everything fails, someone takes command across the teams at once; and
 * by the end of the week more than one person can work on the backbone, so the fix no longer waits on one.
 */
export function ownToolsGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const backbone = nameOf(world, 'backbone');
  const fire = scriptedFires(level).find((f) => f.service === 'backbone');
  const inc = fire?.incident ?? null;
  const named = inc?.roles.commander;
  const commandAt = inc ? firstCommander(level, inc.id) : null;
  const within = inc && inc.ackAt !== null && commandAt !== null ? commandAt - inc.ackAt : null;
  const people = busFactor(world, 'backbone');
  return verdict([
    {
      asks: `When ${backbone} fails, name an incident commander within ${COMMAND_MINUTES} minutes of answering the page`,
      met: fire !== undefined && (inc === null || (within !== null && within <= COMMAND_MINUTES)),
      seen: !fire
        ? 'the round ended before Tuesday afternoon'
        : !inc
          ? `at ${clockOf(fire.at)} the command ran and nothing gave way`
          : within === null
            ? named
              ? 'a commander was named, but only before anyone answered'
              : 'nobody took command'
            : `${world.engineers[named ?? '']?.name ?? 'someone'} took command ${within} minutes after the answer`,
    },
    {
      asks: `By Friday, at least two people can work on ${backbone}`,
      met: people >= 2,
      seen: `${people} ${people === 1 ? 'person' : 'people'} could handle it at the end of the week`,
    },
  ]);
}

function firstCommander(level: PlayedLevel, incident: string): number | null {
  const { world } = level;
  for (const chunk of world.log)
    for (const e of chunk)
      if (e.type === 'role-assigned' && e.incident === incident && e.role === 'commander') return e.at;
  return null;
}
