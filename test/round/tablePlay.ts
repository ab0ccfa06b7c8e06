import { RoundSession } from '../../src/round/roundSession';
import { type RoleSeat, seatFor } from '../../src/round/seats';
import { createWorld, isWorldInput, type Policy, playerEyes, type Scenario, validateScenario } from '../../src/sim';

/** A built-in or campaign scenario, validated (a test fails loudly if it is not). */
export function scenarioOf(raw: unknown): Scenario {
  const checked = validateScenario(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.scenario;
}

/**
 * A round at one screen: named players make the decisions a bot would, every five minutes, each credited to
 * the seat its command belongs to (as the store does), and the clock runs on in between.
 */
export function playAtOneScreen(
  scenario: Scenario,
  options: { seed: number; weeks: number; seats: readonly RoleSeat[]; guided?: boolean; until?: number },
  policy: Policy,
): RoundSession {
  const world = createWorld(scenario, { seed: options.seed, weeks: options.weeks });
  const session = RoundSession.start({
    scenario,
    seed: options.seed,
    weeks: options.weeks,
    ownership: world.ownership,
    rotation: world.rotation.byTeam,
    guided: options.guided ?? false,
  });
  const eyes = playerEyes();
  const end = Math.min(options.until ?? Number.POSITIVE_INFINITY, options.weeks * 10080);
  while (session.snapshot().now < end && !session.snapshot().lost) {
    for (const command of policy(eyes(session.snapshot()))) {
      const seat = isWorldInput(command) ? undefined : seatFor(options.seats, command);
      session.dispatch(command, undefined, seat);
    }
    const before = session.snapshot().now;
    session.advance(Math.min(5, end - before), false);
    session.ghost.follow(session.snapshot());
    if (session.snapshot().now === before) break;
  }
  return session;
}
