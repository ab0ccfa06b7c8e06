import type { Snapshot } from '../../../sim';
import { type GoalVerdict, type PlayedLevel, roundIncidents, verdict } from '../played';

/** Whether the team owning a service carried its pager for this incident and answered it. */
function ownersAnswered(world: Snapshot, inc: Snapshot['incidents'][string], team: string): boolean {
  return inc.pagerTeam === team && inc.responders.some((r) => world.engineers[r]?.team === team);
}

/**
 * Level 7: the developers carry the pager for what they build: by the end of the week each product team has
 * answered at least one page for a service of its own (being pulled into someone else's incident does not count).
 */
export function youBuildItGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const products = world.teamOrder.filter((t) => world.teams[t]?.kind === 'dev');
  return verdict(
    products.map((team) => {
      const name = world.teams[team]?.name ?? team;
      const theirs = roundIncidents(world).filter((inc) => world.services[inc.service]?.team === team);
      const worked = theirs.filter((inc) => ownersAnswered(world, inc, team)).length;
      return {
        asks: `${name} carries the pager for its own services and answers at least one page`,
        met: worked >= 1,
        seen:
          theirs.length === 0
            ? `none of ${name}'s services had an incident`
            : `${name} answered ${worked} of the ${theirs.length} page${theirs.length === 1 ? '' : 's'} for its services`,
      };
    }),
  );
}
