import { describe, expect, it } from 'vitest';
import { ghostStrip } from '../../src/round/ghostStrip';
import { type Policy, policies, stateHash } from '../../src/sim';
import { scenario } from '../sim/fixtures';
import { playAtTable } from './playAtTable';

/**
 * The report's and the ghost strip's properties play their rounds with both timelines stepped in place. That is
 * only sound if a session stepped in place is, minute by minute, the session stepped through Immer: the same two
 * worlds, the same log, the same strip and the same report, for every bot (those that set fires of their own among
 * them), with and without the guided first fire. Each bot plays one of the two setups, in turn, so that both see
 * about half of them; a round stepped through Immer costs several in place.
 */
describe('a round session stepped in place', () => {
  const setups = [
    ['platform', 43, true],
    ['startup', 3, false],
  ] as const;
  const all = Object.keys(policies).sort();
  it.each(setups.map((setup, i) => [...setup, i] as const))(
    '%s, seed %i, guided %s: the same strip at every minute, the same worlds every six hours, log and report, for every other bot',
    (where, seed, guided, i) => {
      const bots = all.filter((_, b) => b % setups.length === i);
      let minutesRead = 0;
      for (const name of bots) {
        const bot = policies[name] as Policy;
        const read = (fast: boolean) => {
          const strips: string[] = [];
          const round = playAtTable(scenario(where), seed, 1, bot, {
            guided,
            fast,
            everyMinute: (ours, ghost) => {
              const strip = ghostStrip(ours, ghost.world, ghost.report);
              strips.push(`${ours.now} ${strip.fires} ${strip.saved}`);
              // Both worlds whole, every six hours.
              if (ours.now % 360 === 0) strips.push(`${stateHash(ours)} ${stateHash(ghost.world)}`);
            },
          });
          return {
            strips,
            ours: stateHash(round.ours),
            there: stateHash(round.ghost.world),
            entries: round.session.entries,
            report: JSON.stringify(round.ghost.report),
            par: round.ghost.par,
            starts: round.replayStarts,
          };
        };
        const immer = read(false);
        const inPlace = read(true);
        expect(inPlace, `${name} on ${where} seed ${seed}`).toEqual(immer);
        minutesRead += immer.strips.length;
      }
      // A round lost on its first day is read a few hundred times; all of them together, thousands.
      expect(minutesRead).toBeGreaterThan(bots.length * 500);
    },
  );
});
