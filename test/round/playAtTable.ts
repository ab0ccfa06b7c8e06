import type { GhostView } from '../../src/round/ghost';
import { RoundSession } from '../../src/round/roundSession';
import {
  createWorld,
  POLICY_EVERY_MINUTES,
  type Policy,
  playerEyes,
  roundOver,
  type Scenario,
  type Snapshot,
} from '../../src/sim';

export interface TableRound {
  session: RoundSession;
  ours: Snapshot;
  ghost: GhostView;
  /** When each of the never-learning replay's incidents started, as the report's chart gets them. */
  replayStarts: number[];
}

/**
 * Plays a round the way a table does in the browser: a bot looks at the world every few minutes and its
 * commands go through the round's own dispatch, as clicks would (so fires it sets reach the ghost as a
 * player's do); the ghost timeline follows after each step, or only at the end. `everyMinute` sees every minute
 * the round passes through when `everyMinute` is set. Both timelines step in place unless `fast` is false (the
 * same worlds to the last bit, minute by minute: fastSession.slow.test.ts); what `everyMinute` is handed is
 * good until the next minute.
 */
export function playAtTable(
  scenario: Scenario,
  seed: number,
  weeks: number,
  bot: Policy,
  options: { guided?: boolean; fast?: boolean; everyMinute?: (ours: Snapshot, ghost: GhostView) => void } = {},
): TableRound {
  const world = createWorld(scenario, { seed, weeks });
  const session = RoundSession.start({
    scenario,
    seed,
    weeks,
    ownership: world.ownership,
    rotation: world.rotation.byTeam,
    guided: options.guided ?? false,
    fast: options.fast ?? true,
  });
  const each = options.everyMinute;
  // The bot's eyes keep what can no longer change from look to look, as the headless runner's do.
  const eyes = playerEyes();
  while (!roundOver(session.snapshot())) {
    const s = session.snapshot();
    if (s.now % POLICY_EVERY_MINUTES === 0) for (const command of bot(eyes(s))) session.dispatch(command, 'bot');
    if (each) {
      session.advance(1, false);
      const now = session.snapshot();
      each(now, session.ghost.follow(now).view);
    } else session.advance(POLICY_EVERY_MINUTES - (s.now % POLICY_EVERY_MINUTES), false);
  }
  const ours = session.snapshot();
  return { session, ours, ghost: session.ghost.follow(ours).view, replayStarts: session.ghost.incidentStarts() };
}
