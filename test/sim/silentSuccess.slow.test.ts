import { describe, expect, it } from 'vitest';
import { GUIDED_FIRE_AT, guidedFireCommand } from '../../src/app/store';
import { summarize } from '../../src/headless/report';
import { DEFAULT_SEED, DEMO, demoScenario } from '../../src/round/demo';
import { createWorld, playRound, policies } from '../../src/sim';
import { must, scenario } from './fixtures';

const learn = must(policies['learning-first']);

describe('silent successes you can see, in every round length', () => {
  // The menu's default round (Pantry Platform, 4 weeks, guided) and the booth's (the same seed, 1 week, guided):
  // every visitor plays one of them, so each must show the loop working for a learning table of either kind.
  for (const weeks of [4, 1])
    for (const learner of ['learning-first', 'careful-human'])
      it(`the ${weeks === 4 ? "menu's default" : "booth's"} round (${weeks} week${weeks > 1 ? 's' : ''}, guided) shows ${learner} an incident prevented by a named item`, () => {
        const sc = scenario('platform');
        const inputs = [
          { at: GUIDED_FIRE_AT, command: guidedFireCommand(createWorld(sc, { seed: DEFAULT_SEED, weeks })) },
        ];
        const played = playRound(sc, {
          fast: true,
          seed: DEFAULT_SEED,
          weeks,
          policy: must(policies[learner]),
          inputs,
        });
        const r = summarize(sc, played.state, learner, undefined, played.inputs);
        expect(r.incidents).toBeLessThan(r.replayIncidents);
        expect(r.silentSuccessesAttributed).toBeGreaterThanOrEqual(1);
        expect(r.score).toBeGreaterThan(r.par);
        expect(r.outcome).toBe('learned');
      });

  it('the attract demo faces its scripted fires in both timelines and ends with a prevented incident', () => {
    const sc = must(demoScenario());
    const played = playRound(sc, { fast: true, seed: DEMO.seed, weeks: DEMO.weeks, policy: learn, inputs: DEMO.fires });
    expect(played.inputs.map((i) => i.at)).toEqual(DEMO.fires.map((f) => f.at));
    const r = summarize(sc, played.state, 'learning-first', undefined, played.inputs);
    expect(r.silentSuccesses).toBeGreaterThanOrEqual(1);
    expect(r.silentSuccessesAttributed).toBeGreaterThanOrEqual(1);
  });

  it('a one-week round already shows what learning prevents on most seeds', () => {
    const sc = scenario('platform');
    const shown = [1, 2, 3, 4, 5, 6].filter((seed) => {
      const played = playRound(sc, { fast: true, seed, weeks: 1, policy: learn });
      return summarize(sc, played.state, 'learning-first').silentSuccesses >= 1;
    });
    expect(shown.length).toBeGreaterThanOrEqual(3);
  });

  it('the baseline never shows a silent success, and nobody is credited with luck', () => {
    for (const id of ['platform', 'startup', 'scaleup'] as const) {
      const sc = scenario(id);
      for (const seed of [1, 2, 3]) {
        const base = playRound(sc, { fast: true, seed, weeks: 2, policy: must(policies.baseline) });
        expect(summarize(sc, base.state, 'baseline').silentSuccesses).toBe(0);
        const careful = playRound(sc, { fast: true, seed, weeks: 2, policy: must(policies.careful) });
        const r = summarize(sc, careful.state, 'careful');
        // The careful responder closes no items: any difference from the replay is luck and timing.
        expect(r.silentSuccessesAttributed).toBe(0);
        expect(r.silentSuccesses).toBe(0);
      }
    }
  });
});
