import { describe, expect, it } from 'vitest';
import {
  type Command,
  createSimulation,
  type PlayerView,
  type Policy,
  playerView,
  playRound,
  policies,
  type Snapshot,
} from '../../src/sim';
import { Timeline } from '../../src/sim/timeline';
import { must, scenario, sim } from './fixtures';

/** Everything in a view that could name a hidden truth, found by walking it. */
function leaks(view: PlayerView, world: Snapshot): string[] {
  const out: string[] = [];
  for (const key of ['streams', 'log', 'seed', 'nextId', 'namePool', 'totals'])
    if (key in view) out.push(`view.${key}`);
  for (const [id, inc] of Object.entries(view.incidents)) {
    const truth = must(world.incidents[id]);
    if (truth.phase === 'undetected') out.push(`${id} is shown before anyone noticed it`);
    for (const key of ['kind', 'detectAt', 'detectVia', 'ackDueAt']) if (key in inc) out.push(`${id}.${key}`);
    if (inc.conditionId !== null && world.conditions[inc.conditionId]?.revealed !== true)
      out.push(`${id} names the unknown weakness ${inc.conditionId}`);
  }
  for (const id of view.incidentOrder) if (!Object.hasOwn(view.incidents, id)) out.push(`order names ${id}`);
  for (const [id, c] of Object.entries(view.conditions)) if (!c.revealed) out.push(`unknown weakness ${id}`);
  for (const retro of Object.values(view.retros))
    for (const f of retro.factors) if (f.hidden) out.push(`${retro.id} shows the unspoken factor ${f.id}`);
  for (const nm of Object.values(view.nearMisses))
    if (nm.conditionId !== null && world.conditions[nm.conditionId]?.revealed !== true)
      out.push(`${nm.id} names the unknown weakness ${nm.conditionId}`);
  for (const p of view.peaks ?? [])
    if (p.announceAt > view.now) out.push(`peak ${p.name} shown before it is announced`);
  return out;
}

/** A bot that looks like `inner` and writes down what it was shown, checked against the world it was shown. */
function watched(inner: Policy, world: () => Snapshot, found: string[]): Policy {
  return (view) => {
    found.push(...leaks(view, world()));
    return inner(view);
  };
}

describe('a bot sees what a player sees', () => {
  for (const id of ['platform', 'startup', 'scaleup'] as const) {
    it(`no policy on ${id} is shown a true class, an unknown weakness, an unspoken factor or an unnoticed fire`, () => {
      const sc = scenario(id);
      for (const [i, name] of Object.keys(policies).entries()) {
        // Stepped in place (the same world as through Immer: fastWorld.slow.test.ts), each look read there and then.
        const s = createSimulation(sc, { seed: 21 + i, weeks: 1, canLose: false, fast: true });
        const found: string[] = [];
        new Timeline(
          s,
          watched(must(policies[name]), () => s.snapshot(), found),
          [],
        ).advanceTo(7 * 1440);
        expect(found.slice(0, 5), name).toEqual([]);
        // And the bot did play: it had something to look at.
        expect(s.snapshot().incidentOrder.length, name).toBeGreaterThan(0);
      }
    }, 120_000);
  }

  it('is refused a command naming something it cannot see, as if it did not exist', () => {
    const s = sim(4, 'platform', 1);
    s.advance(3 * 1440);
    const world = s.snapshot();
    const hidden = must(Object.values(world.conditions).find((c) => !c.revealed));
    const view = playerView(world);
    const ask: Command = { type: 'fileActionItem', condition: hidden.id, actionType: 'prevent' };
    expect(view.can(ask)).toEqual({ ok: false, reason: 'name a factor of a retro or a known latent condition' });
    expect(view.can({ type: 'fileActionItem', condition: 'nothing-at-all', actionType: 'prevent' })).toEqual(
      view.can(ask),
    );
    // A fire asked for from the view is the table's own: staged, so no real weakness is probed.
    expect(view.can({ type: 'injectIncident', service: 'catalog', kind: 'retry-storm' })).toEqual({ ok: true });
  });

  it('a view kept from look to look is the view a fresh look would give, at every look of many rounds', () => {
    for (const [id, fast] of [
      ['platform', true],
      ['scaleup', true],
      ['startup', false],
    ] as const) {
      for (const name of ['learning-first', 'always-blame', 'drill-spam', 'baseline', 'inject-and-review']) {
        // Stepped in place, the harder case: nothing about a world object tells that it changed; and through
        // Immer, where a changed object is a new one.
        const s = createSimulation(scenario(id), { seed: 7, weeks: 2, canLose: false, fast });
        const bot = must(policies[name]);
        let looks = 0;
        const checking: Policy = (view) => {
          looks++;
          const fresh = playerView(s.snapshot());
          const shown = (v: PlayerView) => JSON.stringify({ ...v, can: undefined });
          expect(shown(view), `${id} ${name} at ${view.now}`).toBe(shown(fresh));
          return bot(view);
        };
        // The timeline's own eyes are the kept ones; each look is compared with a fresh pair of eyes.
        new Timeline(s, checking, []).advanceTo(2 * 7 * 1440);
        expect(looks).toBeGreaterThan(300);
      }
    }
  }, 240_000);

  it('the never-learning replay keeps working on what it is shown', () => {
    const played = playRound(scenario('platform'), { seed: 3, weeks: 2, policy: must(policies.baseline), fast: true });
    const resolved = Object.values(played.state.incidents).filter((i) => !i.prior && i.phase === 'resolved');
    expect(resolved.length).toBeGreaterThan(5);
    expect(played.state.lost ?? null).toBeNull();
  });
});
