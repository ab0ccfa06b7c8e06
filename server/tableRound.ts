import { RoundSession } from '../src/round/roundSession';
import { createWorld, type InputSource, isCommandEntry, type LogEntry } from '../src/sim';
import { waitsForTheAudience } from './demoTable';
import type { KeptTable, TableSetup } from './tableStore';

/** Inputs the round gives itself (its setup, scheduled fires, its bots): playing on brings them back by themselves. */
const SELF_GIVEN: ReadonlySet<InputSource> = new Set(['setup', 'scenario', 'guided', 'demo', 'bot', 'delegate']);

/**
 * A table's round from its setup, at its first minute. Both timelines step in place: the server reads its round
 * only there and then (for a tick, a command, a summary, a hash), never keeping a part of it across a change, and a
 * world stepped in place is the world stepped through Immer to the last bit, at a fraction of the cost of a tick.
 */
export function startRound(setup: TableSetup): RoundSession {
  const world = createWorld(setup.scenario, {
    seed: setup.seed,
    weeks: setup.weeks,
    ...(setup.ownership ? { ownership: setup.ownership } : {}),
  });
  return RoundSession.start({
    scenario: setup.scenario,
    seed: setup.seed,
    weeks: setup.weeks,
    ownership: setup.ownership ?? world.ownership,
    rotation: world.rotation.byTeam,
    fast: true,
    ...(setup.demo ? { demoBot: waitsForTheAudience } : {}),
  });
}

/**
 * A kept table's round brought back: started from its setup, every input given from outside (players,
 * the facilitator, the audience, the clock) given again at its minute, and played on to the minute the
 * server had reached. `problem` says where the round came out differently from what was kept (never
 * expected: the round is deterministic).
 */
export function restoreRound(kept: KeptTable): { session: RoundSession; problem: string | null } {
  const session = startRound(kept.setup);
  let problem: string | null = null;
  for (const [i, e] of kept.entries.entries()) {
    if (isCommandEntry(e) && SELF_GIVEN.has(e.by)) continue;
    session.advance(Math.max(0, e.at - session.snapshot().now), false);
    if (isCommandEntry(e)) {
      const result = session.dispatch(e.command, e.by, e.seat);
      if (!result.ok) problem ??= `entry ${i} (${e.command.type}) was refused: ${result.reason}`;
    } else session.control(e.control, e.value, e.by);
  }
  session.advance(Math.max(0, kept.until - session.snapshot().now), false);
  if (!problem && !sameEntries(session.entries, kept.entries))
    problem = `the round came back with ${session.entries.length} entries where ${kept.entries.length} were kept`;
  return { session, problem };
}

function sameEntries(a: readonly LogEntry[], b: readonly LogEntry[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
