import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Command, parseScenarioText, type SimState, stateHash } from '../../src/sim';
import { applyCommand, commandRegistry } from '../../src/sim/commands';
import { must, rawScenario, sim, world } from './fixtures';

function refusedOn(state: SimState, cmd: unknown, field: RegExp): void {
  const before = stateHash(state);
  let result: ReturnType<typeof applyCommand> | undefined;
  expect(() => {
    result = applyCommand(state, cmd as Command);
  }, JSON.stringify(cmd)).not.toThrow();
  expect(result, JSON.stringify(cmd)).toMatchObject({ ok: false });
  expect((result as { reason: string }).reason, JSON.stringify(cmd)).toMatch(field);
  expect(stateHash(state), JSON.stringify(cmd)).toBe(before);
}

/** A world with one known latent condition on the given service, ready for an action item. */
function withKnownCondition(service: string): { state: SimState; condition: string } {
  const state = world(4);
  const c = must(Object.values(state.conditions).find((x) => x.service === service));
  c.revealed = true;
  return { state, condition: c.id };
}

describe('command payloads are checked before any rule runs', () => {
  it('check without compiling code at run time (first, while no schema has run)', () => {
    expect(Object.keys(commandRegistry).length).toBeGreaterThan(10);
    const g = globalThis as { Function: FunctionConstructor };
    const real = g.Function;
    const compiled: unknown[] = [];
    g.Function = new Proxy(real, {
      construct(target, args) {
        compiled.push(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        compiled.push(args);
        return Reflect.apply(target, self, args);
      },
    });
    try {
      const state = world(6);
      for (const type of Object.keys(commandRegistry)) applyCommand(state, { type } as Command);
      applyCommand(state, { type: 'setTeamFocus', team: 'web', reliabilityShare: 0.3 });
      expect(parseScenarioText(JSON.stringify(rawScenario('startup'))).ok).toBe(true);
    } finally {
      g.Function = real;
    }
    expect(compiled).toEqual([]);
    expect(z.config().jitless).toBe(true);
  });

  it('refuse malformed rotations, ownership models and shares, naming the field', () => {
    const state = world(2);
    refusedOn(state, { type: 'setRotation', team: 'web', weeks: 0 }, /setRotation: bad weeks/);
    refusedOn(state, { type: 'setRotation', team: 'web', weeks: [null] }, /bad weeks\[0\]/);
    refusedOn(
      state,
      { type: 'setRotation', team: 'web', weeks: [{ primary: 1, secondary: 'bao' }] },
      /weeks\[0\]\.primary/,
    );
    refusedOn(state, { type: 'setRotation', team: 'web' }, /bad weeks/);
    refusedOn(state, { type: 'setOwnership', model: Number.NaN }, /bad model \(no ownership model NaN\)/);
    refusedOn(state, { type: 'setOwnership', model: {} }, /bad model/);
    refusedOn(state, { type: 'setOwnership', model: 'anarchy' }, /no ownership model "anarchy"/);
    refusedOn(state, { type: 'publishRetro', retro: 'retro-1', share: { yes: true } }, /bad share/);
    refusedOn(state, { type: 'setTeamFocus', team: 'web', reliabilityShare: '0.5' }, /bad reliabilityShare/);
    refusedOn(state, { type: 'acknowledge', incident: 'x'.repeat(5000) }, /bad incident/);
    refusedOn(state, [], /unknown command/);
    refusedOn(state, { type: 'toString' }, /unknown command "toString"/);
    expect(state.ownership).toBe('you-build-it');
  });

  it('refuse action items owned by NaN, objects, unknown or departed people', () => {
    const { state, condition } = withKnownCondition('queue');
    const base = { type: 'fileActionItem', condition, actionType: 'prevent' };
    refusedOn(state, { ...base, owner: Number.NaN }, /bad owner/);
    refusedOn(state, { ...base, owner: { id: 'esi' } }, /bad owner/);
    refusedOn(state, { ...base, owner: 'nobody-here' }, /owner must be an active engineer/);
    refusedOn(state, { ...base, owner: 'constructor' }, /owner must be an active engineer/);
    must(state.engineers.esi).status = 'left';
    refusedOn(state, { ...base, owner: 'esi' }, /owner must be an active engineer/);
    expect(applyCommand(state, { ...base, owner: 'femi' } as Command)).toEqual({ ok: true });
    const item = must(Object.values(state.actionItems)[0]);
    expect(item.owner).toBe('femi');
  });

  it('give an orphaned item to the pager team, or refuse it — never an empty owner', () => {
    const { state, condition } = withKnownCondition('gateway');
    state.ownership = 'ops-team';
    for (const e of Object.values(state.engineers)) if (e.team === 'sre') e.status = 'left';
    refusedOn(state, { type: 'fileActionItem', condition, actionType: 'prevent' }, /nobody is left to own it/);

    const other = withKnownCondition('queue');
    other.state.ownership = 'ops-team';
    for (const e of Object.values(other.state.engineers)) if (e.team === 'data') e.status = 'left';
    const cmd = { type: 'fileActionItem', condition: other.condition, actionType: 'prevent' } as Command;
    expect(applyCommand(other.state, cmd)).toEqual({ ok: true });
    const owner = must(Object.values(other.state.actionItems)[0]).owner;
    expect(other.state.engineers[owner]?.team).toBe('sre');
    expect(other.state.engineers[owner]?.status).toBe('active');
  });

  it('through the simulation, a refused command leaves the world as it was', () => {
    const s = sim(5);
    s.advance(30);
    const before = s.snapshot();
    const result = s.dispatch({ type: 'setRotation', team: 'web', weeks: [null] } as never);
    expect(result.ok).toBe(false);
    expect(s.snapshot()).toBe(before);
  });
});
