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

/** Minutes from the page to the fire being out, at most. */
export const UNDO_MINUTES = 40;

/**
 * Level 3: when a rule has just gone out everywhere, switch it off first — the first fix tried is the one that
 * works, soon after the page — and then put the rules' way to production behind a guard (a staged roll-out), so
 * the next bad rule reaches a few sites, not all of them.
 */
export function globalDeployGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const waf = nameOf(world, 'waf');
  const fire = scriptedFires(level).find((f) => f.service === 'waf');
  const inc = fire?.incident ?? null;
  const first = inc?.attempts[0];
  const out = inc && inc.mitigatedAt !== null && inc.pagedAt !== null ? inc.mitigatedAt - inc.pagedAt : null;
  const guarded = guardedAt(scenarioWeakness(world, 'waf', 'deploy'));
  return verdict([
    {
      asks: `Undo first: the first fix tried on ${waf} puts it out, within ${UNDO_MINUTES} minutes of the page`,
      met: fire !== undefined && (inc === null || (first?.outcome === 'worked' && out !== null && out <= UNDO_MINUTES)),
      seen: !fire
        ? 'the round ended before Tuesday afternoon'
        : !inc
          ? `at ${clockOf(fire.at)} the rule went out and nothing gave way`
          : !first
            ? 'no fix was tried'
            : `the first fix tried was ${first.action} (${first.outcome === 'worked' ? 'it worked' : 'it did not work'})${out === null ? '' : `; out ${out} minutes after the page`}`,
    },
    {
      asks: `Stage the roll-outs: guard the unsafe deploy path of ${waf} before the week is out`,
      met: guarded !== null,
      seen: guarded === null ? 'nobody guarded it' : `an action item guarded it at ${clockOf(guarded)}`,
    },
  ]);
}
