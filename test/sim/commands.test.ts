import fc from 'fast-check';
import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command, type Incident, type Simulation, stateHash, tuning } from '../../src/sim';
import { advanceUntil, lastIncident, must, ok, respondWell, sim } from './fixtures';

/** Tuesday morning, with a fresh fire on Pantry DB that nobody knows about yet. */
const isReal = (i: Immutable<Incident> | undefined) => !!i && !i.injected && !i.prior;

function withFire(seed = 3): { s: Simulation; incident: string } {
  const s = sim(seed);
  s.advance(24 * 60 + 9 * 60);
  ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
  return { s, incident: lastIncident(s.snapshot()).id };
}

function expectRefused(s: Simulation, cmd: Command, reason?: RegExp): void {
  const before = s.snapshot();
  const hash = stateHash(before);
  let result: ReturnType<Simulation['dispatch']> | undefined;
  expect(() => {
    result = s.dispatch(cmd);
  }, JSON.stringify(cmd)).not.toThrow();
  expect(result, JSON.stringify(cmd)).toMatchObject({ ok: false });
  const why = (result as { reason?: unknown }).reason;
  expect(typeof why, JSON.stringify(cmd)).toBe('string');
  expect((why as string).length).toBeGreaterThan(0);
  if (reason) expect(why).toMatch(reason);
  expect(s.snapshot(), JSON.stringify(cmd)).toBe(before);
  expect(stateHash(s.snapshot())).toBe(hash);
}

/** Names that every plain object inherits: never a team, service, incident or retro. */
const INHERITED = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('commands: refused commands change nothing', () => {
  it('refuses commands that do not fit the moment, and says why', () => {
    const { s, incident } = withFire();
    expect(lastIncident(s.snapshot()).phase).toBe('undetected');
    const refused: [Command, RegExp?][] = [
      [{ type: 'acknowledge', incident }, /nobody knows/],
      [{ type: 'mitigate', incident, action: 'scale-up' }, /nobody knows/],
      [{ type: 'acknowledge', incident: 'inc-999' }, /no incident/],
      [{ type: 'scheduleRetro', incident }, /resolved/],
      [{ type: 'advanceRetro', retro: 'retro-1', from: 'scheduled' }, /no retro/],
      [{ type: 'interview', retro: 'retro-1', depth: 'deep', facilitator: 'ada' }, /no retro/],
      [{ type: 'publishRetro', retro: 'retro-1', share: true }, /no retro/],
      [{ type: 'setRotation', team: 'web', weeks: [] }, /at least one week/],
      [{ type: 'setRotation', team: 'web', weeks: [{ primary: 'ada', secondary: 'zed' }] }, /active engineer/],
      [{ type: 'setRotation', team: 'nope', weeks: [{ primary: 'ada', secondary: 'bao' }] }, /no team/],
      [{ type: 'setTeamFocus', team: 'web', reliabilityShare: Number.NaN }, /number/],
      [{ type: 'setTeamFocus', team: 'nope', reliabilityShare: 0.2 }, /no team/],
      [{ type: 'runDrill', team: 'web', service: 'nope' }, /no service/],
      [{ type: 'runDrill', team: 'nope', service: 'checkout' }, /no team/],
      [{ type: 'setShadow', engineer: 'ada', mentor: 'ada' }, /someone else/],
      [{ type: 'setShadow', engineer: 'zed', mentor: null }, /not available/],
      [{ type: 'injectIncident', service: 'nope', kind: 'capacity' }, /no service/],
      [{ type: 'injectIncident', service: 'queue', kind: 'gremlins' as never }, /no condition class/],
      [{ type: 'fileActionItem', actionType: 'prevent' }, /factor|condition/],
      [{ type: 'fileActionItem', condition: 'queue:config:1', actionType: 'prevent' }, /nobody knows/],
      [{ type: 'reviewNearMiss', nearMiss: 'nm-1' }, /no near miss/],
      [{ type: 'nope' } as never, /unknown command/],
      [null as never, /unknown command/],
    ];
    for (const [cmd, why] of refused) expectRefused(s, cmd, why);
  });

  it('refuses responder commands until the page is acknowledged, and once the fire is out', () => {
    const { s, incident } = withFire();
    s.advance(lastIncident(s.snapshot()).detectAt - s.snapshot().now + 1);
    expect(must(s.snapshot().incidents[incident]).phase).toBe('paged');
    expectRefused(s, { type: 'mitigate', incident, action: 'scale-up' }, /acknowledge/);
    expectRefused(s, { type: 'mitigate', incident, action: 'shrug' as never }, /no mitigation/);
    expectRefused(s, { type: 'assignRole', incident, role: 'janitor' as never, engineer: 'esi' }, /no role/);
    expectRefused(s, { type: 'assignRole', incident, role: 'commander', engineer: 'zed' }, /not available/);
    expectRefused(s, { type: 'handOff', incident, to: 'esi', acknowledged: true }, /nobody is responding/);
    expectRefused(s, { type: 'pullInTeam', incident, team: 'nope' }, /no team/);
    ok(s, { type: 'acknowledge', incident });
    expectRefused(s, { type: 'acknowledge', incident }, /no page/);
    ok(s, { type: 'mitigate', incident, action: 'scale-up' });
    expectRefused(s, { type: 'mitigate', incident, action: 'restart' }, /under way/);
    respondWell(s, incident, () => 'scale-up');
    expectRefused(s, { type: 'postStatus', incident }, /already resolved/);
    expectRefused(s, { type: 'acknowledge', incident }, /already resolved/);
  });

  it('walks a retro only in order, and refuses each step out of turn', () => {
    const s = sim(3);
    // A real fire, from one of the world's own latent conditions (a staged one leaves nothing to fix).
    advanceUntil(s, (snap) => snap.incidentOrder.some((id) => isReal(snap.incidents[id])), 3 * 10080);
    const incident = must(s.snapshot().incidentOrder.find((id) => isReal(s.snapshot().incidents[id])));
    const kind = must(s.snapshot().incidents[incident]).kind;
    respondWell(s, incident, () => must(tuning.remedies[kind][0]));
    ok(s, { type: 'scheduleRetro', incident });
    expectRefused(s, { type: 'scheduleRetro', incident }, /already has a retro/);
    const retro = must(must(s.snapshot().incidents[incident]).retroId);
    expectRefused(s, { type: 'interview', retro, depth: 'deep', facilitator: 'hana' }, /after the timeline/);
    expectRefused(s, { type: 'publishRetro', retro, share: true }, /after choosing/);
    ok(s, { type: 'advanceRetro', retro, from: 'scheduled' });
    expectRefused(s, { type: 'advanceRetro', retro, from: 'scheduled' }, /at the timeline step, not scheduled/);
    ok(s, { type: 'advanceRetro', retro, from: 'timeline' });
    expect(must(s.snapshot().retros[retro]).phase).toBe('interviews');
    expectRefused(s, { type: 'advanceRetro', retro, from: 'interviews' }, /how deep/);
    expectRefused(s, { type: 'interview', retro, depth: 'deep', facilitator: 'zed' }, /active engineer/);
    expectRefused(s, { type: 'frameRetro', retro, framing: 'blameless' }, /after the interviews/);
    ok(s, { type: 'interview', retro, depth: 'deep', facilitator: 'hana' });
    expectRefused(s, { type: 'interview', retro, depth: 'quick', facilitator: 'hana' }, /done/);
    ok(s, { type: 'advanceRetro', retro, from: 'interviews' });
    expectRefused(s, { type: 'advanceRetro', retro, from: 'framing' }, /framing/);
    expectRefused(s, { type: 'frameRetro', retro, framing: 'blame' }, /needs a person/);
    expectRefused(s, { type: 'frameRetro', retro, framing: 'blame', blamed: 'zed' }, /needs a person/);
    ok(s, { type: 'frameRetro', retro, framing: 'blameless' });
    expectRefused(s, { type: 'frameRetro', retro, framing: 'blameless' }, /set/);
    ok(s, { type: 'advanceRetro', retro, from: 'framing' });
    ok(s, { type: 'advanceRetro', retro, from: 'factors' });
    const r = must(s.snapshot().retros[retro]);
    expect(r.phase).toBe('actions');
    expectRefused(s, { type: 'advanceRetro', retro, from: 'actions' }, /publish/);
    const factor = must(r.factors.find((f) => f.key === 'condition' && !f.hidden));
    expectRefused(s, { type: 'fileActionItem', retro, factor: 'nope', actionType: 'prevent' }, /not surfaced/);
    expectRefused(s, { type: 'fileActionItem', retro, factor: factor.id, actionType: 'repair' }, /does not fit/);
    ok(s, { type: 'fileActionItem', retro, factor: factor.id, actionType: 'prevent' });
    expectRefused(s, { type: 'fileActionItem', retro, factor: factor.id, actionType: 'mitigate' }, /already has/);
    ok(s, { type: 'publishRetro', retro, share: true });
    expect(must(s.snapshot().retros[retro]).phase).toBe('published');
    expectRefused(s, { type: 'publishRetro', retro, share: true });
    expectRefused(s, { type: 'advanceRetro', retro, from: 'actions' }, /already published/);
    // The condition is known now, but it already has an open item.
    expectRefused(s, { type: 'fileActionItem', condition: factor.conditionId ?? '', actionType: 'mitigate' }, /open/);
  });

  it('one drill a week per team is plenty', () => {
    const s = sim(1);
    ok(s, { type: 'runDrill', team: 'web', service: 'checkout' });
    s.advance(24 * 60);
    expectRefused(s, { type: 'runDrill', team: 'web', service: 'catalog' }, /one drill a week/);
    s.advance(6 * 24 * 60);
    ok(s, { type: 'runDrill', team: 'web', service: 'catalog' });
  });

  it('ids that every object inherits are not teams, people, services, incidents or retros', () => {
    const { s, incident } = withFire();
    s.advance(lastIncident(s.snapshot()).detectAt - s.snapshot().now + 1);
    ok(s, { type: 'acknowledge', incident });
    for (const key of INHERITED) {
      const cmds: Command[] = [
        { type: key } as never,
        { type: 'acknowledge', incident: key },
        { type: 'postStatus', incident: key },
        { type: 'mitigate', incident: key, action: 'restart' },
        { type: 'mitigate', incident, action: key as never },
        { type: 'pullInTeam', incident, team: key },
        { type: 'assignRole', incident, role: 'commander', engineer: key },
        { type: 'handOff', incident, to: key, acknowledged: true },
        { type: 'scheduleRetro', incident: key },
        { type: 'advanceRetro', retro: key, from: 'timeline' },
        { type: 'interview', retro: key, depth: 'deep', facilitator: 'ada' },
        { type: 'frameRetro', retro: key, framing: 'blameless' },
        { type: 'publishRetro', retro: key, share: true },
        { type: 'fileActionItem', retro: key, factor: key, actionType: 'prevent' },
        { type: 'fileActionItem', condition: key, actionType: 'prevent' },
        { type: 'reviewNearMiss', nearMiss: key },
        { type: 'setTeamFocus', team: key, reliabilityShare: 0.3 },
        { type: 'setRotation', team: key, weeks: [{ primary: 'ada', secondary: 'bao' }] },
        { type: 'setRotation', team: 'web', weeks: [{ primary: key, secondary: 'bao' }] },
        { type: 'runDrill', team: key, service: 'checkout' },
        { type: 'runDrill', team: 'web', service: key },
        { type: 'setShadow', engineer: key, mentor: null },
        { type: 'setShadow', engineer: 'ada', mentor: key },
        { type: 'injectIncident', service: key, kind: 'capacity' },
        { type: 'injectIncident', service: 'queue', kind: key as never },
      ];
      for (const cmd of cmds) expectRefused(s, cmd);
    }
  });

  it('any command built from junk is either applied or refused with the world untouched', () => {
    const { s } = withFire(8);
    const types: string[] = [...COMMAND_TYPES, ...INHERITED];
    const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...INHERITED, 'ada', 'web', 'queue', 'inc-1'));
    const junk = fc.record({
      type: fc.constantFrom(...types),
      incident: word,
      retro: word,
      team: word,
      service: word,
      engineer: word,
      to: word,
      facilitator: word,
      nearMiss: word,
      condition: word,
      factor: word,
      kind: word,
      action: word,
      role: word,
      depth: word,
      framing: word,
      actionType: word,
      model: word,
      reliabilityShare: fc.double(),
      weeks: fc.array(fc.record({ primary: word, secondary: word }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(junk, (cmd) => {
        const before = s.snapshot();
        const result = s.dispatch(cmd as unknown as Command);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(typeof result.reason).toBe('string');
          expect(s.snapshot()).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
