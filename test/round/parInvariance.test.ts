import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidedFireCommand, RoundSession } from '../../src/round/roundSession';
import { type Command, createWorld, playRound, policies } from '../../src/sim';
import { must, scenario } from '../sim/fixtures';
import { commandsFor, type Op, opArb } from '../sim/randomCommands';

/**
 * Par is the never-learning organization facing the same world: the scenario's script, the tutorial's
 * fire, a facilitator's fires, the demo's. Nothing the table does may move it — not its decisions, not a
 * fire set from its own screen, whatever the command claims.
 */
const platform = scenario('platform');
const world = createWorld(platform, { seed: 43, weeks: 1 });

function session(): RoundSession {
  return RoundSession.start({
    scenario: platform,
    seed: 43,
    weeks: 1,
    ownership: world.ownership,
    rotation: world.rotation.byTeam,
    guided: true,
  });
}

/** Par and the other timeline's fires, at the table's minute. */
function other(s: RoundSession) {
  const { view } = s.ghost.follow(s.snapshot());
  return { par: view.par, fires: s.ghost.incidentStarts(), burning: view.burning };
}

/** A fire the table sets, claiming to be the facilitator's: the round must not believe it. */
const forgedFire = fc.record({
  service: fc.constantFrom(...platform.services.map((x) => x.id)),
  fire: fc.constantFrom('capacity', 'data', 'config', 'deploy', 'retry-storm') as fc.Arbitrary<'capacity'>,
  staged: fc.constantFrom(false, undefined),
});

describe('nothing a player does moves par', () => {
  it('holds for any sequence of the table’s commands, fires set from its own screen among them', () => {
    const seen = new Map<number, ReturnType<typeof other>>();
    /**
     * The untouched table's other timeline at that minute. Left alone, the table loses on day two (nobody
     * answers the guided fire) and stops there, but its never-learning timeline plays on: read it at the minute.
     * A fresh untouched table for each minute asked: a timeline followed to a later minute cannot go back.
     */
    const parAt = (minute: number) => {
      if (!seen.has(minute)) {
        const quiet = session();
        quiet.advance(minute, false);
        const { view } = quiet.ghost.follow({ ...quiet.snapshot(), now: minute });
        seen.set(minute, { par: view.par, fires: quiet.ghost.incidentStarts(), burning: view.burning });
      }
      return must(seen.get(minute));
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            opArb,
            forgedFire.map((f) => ({ kind: 'forged' as const, ...f })),
          ),
          {
            minLength: 5,
            maxLength: 30,
          },
        ),
        (ops) => {
          const table = session();
          let t = 0;
          for (const op of ops) {
            if (op.kind === 'forged') {
              const claim = op.staged === undefined ? {} : { staged: op.staged };
              table.dispatch({ type: 'injectIncident', service: op.service, kind: op.fire, ...claim });
              continue;
            }
            if (op.kind === 'advance') t = Math.min(7 * 1440 - 1, t + op.minutes * 4);
            table.advance(t - table.snapshot().now, false);
            for (const cmd of commandsFor(table.snapshot(), op as Op)) table.dispatch(cmd);
          }
          // A round the table lost stops there: compare at that minute.
          expect(other(table)).toEqual(parAt(table.snapshot().now));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('headless too: a bot’s fires and decisions never reach its replay', () => {
    const arsonist = (s: Parameters<NonNullable<(typeof policies)['learning-first']>>[0]): Command[] => [
      ...must(policies['learning-first'])(s),
      ...(s.now % 1440 === 600 ? [{ type: 'injectIncident', service: 'catalog', kind: 'capacity' } as Command] : []),
    ];
    const played = playRound(platform, {
      seed: 43,
      weeks: 1,
      policy: arsonist,
      inputs: [{ at: 570, command: guidedFireCommand(world), by: 'guided' }],
    });
    expect(played.inputs.map((i) => i.by)).toEqual(['guided']);
    const staged = played.entries.filter(
      (e) => 'command' in e && e.command.type === 'injectIncident' && e.by === 'bot',
    );
    expect(staged.length).toBeGreaterThan(0);
    for (const e of staged)
      expect('command' in e && e.command.type === 'injectIncident' && e.command.staged).toBe(true);
  });
});
