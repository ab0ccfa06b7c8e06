import { describe, expect, it } from 'vitest';
import { type OwnershipModel, rotationWarnings, type SimState } from '../../src/sim';
import { newEngineer } from '../../src/sim/model/createWorld';
import { heroRotation } from '../../src/sim/rules/rotation';
import { longestOnCallRuns } from '../../src/sim/rules/staffing';
import { must, world } from './fixtures';

/** Adds people to a team in a plain world, as a hire at the start would. */
function hire(s: SimState, team: string, ids: string[]): void {
  const site = must(s.teams[team]).site;
  for (const id of ids) {
    s.engineers[id] = newEngineer(id, id.toUpperCase(), team, site, {}, 0);
    s.engineerOrder.push(id);
  }
}

describe('staffing warnings say what would clear them', () => {
  it('every warning on every built-in scenario and ownership model names its fix', () => {
    for (const id of ['startup', 'platform', 'scaleup'] as const) {
      for (const model of ['ops-team', 'you-build-it', 'hybrid'] as OwnershipModel[]) {
        for (const w of rotationWarnings(world(1, id), model)) {
          expect(w.fix.length, `${id}/${model}/${w.kind}`).toBeGreaterThan(15);
          expect(w.fix).toMatch(/^(add|give|spread|let|share)/);
        }
      }
    }
  });

  it('a hero on every week is told to take a week off in four, and taking it clears the warning', () => {
    const s = world(1);
    s.rotation.byTeam.sre = heroRotation(s, 'hana');
    const hero = rotationWarnings(s).filter((w) => w.kind === 'no-week-off');
    expect(hero.map((w) => w.fix)).toEqual(['give Hana at least one week off in four']);
    expect(hero[0]?.message).toMatch(/Hana is on call every week/);
    // Hana is off every fourth week; Ivo covers it.
    s.rotation.byTeam.sre = Array.from({ length: 8 }, (_, w) =>
      w % 4 === 3 ? { primary: 'ivo', secondary: 'juno' } : { primary: 'hana', secondary: 'ivo' },
    );
    expect(must(longestOnCallRuns(s, 'sre').hana)).toBe(3);
    expect(rotationWarnings(s).some((w) => w.kind === 'no-week-off' && w.message.includes('Hana'))).toBe(false);
  });

  it('a team of one is told to add a second person to its rotation, and adding one clears it', () => {
    const s = world(1, 'startup');
    const crew = must(s.teams.crew);
    for (const e of Object.values(s.engineers)) if (e.id !== s.engineerOrder[0]) e.status = 'left';
    const alone = rotationWarnings(s).filter((w) => w.kind === 'no-second');
    expect(alone.map((w) => w.fix)).toEqual([`add a second person to ${crew.name}'s rotation`]);
    hire(s, 'crew', ['zed']);
    expect(rotationWarnings(s).some((w) => w.kind === 'no-second')).toBe(false);
  });

  it('too small a rotation is told how many people to add; with them, a spread rotation clears it', () => {
    const s = world(1);
    const web = must(s.teams.web);
    const share = rotationWarnings(s).find((w) => w.team === 'web' && w.kind === 'on-call-share');
    expect(share?.fix).toMatch(new RegExp(`^add 2 more people to ${web.name}'s rotation`));
    hire(s, 'web', ['eve', 'fin']);
    const six = ['ada', 'bao', 'carmen', 'dev', 'eve', 'fin'];
    s.rotation.byTeam.web = six.map((p, w) => ({ primary: p, secondary: six[(w + 3) % 6] as string }));
    expect(rotationWarnings(s).some((w) => w.team === 'web' && w.kind === 'on-call-share')).toBe(false);
    const site = rotationWarnings(s).find((w) => w.team === 'web' && w.kind === 'small-site');
    expect(site?.fix).toMatch(/^add 2 more people at /);
    hire(s, 'web', ['gia', 'hal']);
    expect(rotationWarnings(s).some((w) => w.team === 'web' && w.kind === 'small-site')).toBe(false);
  });

  it('an ops team over the pager budget is pointed at you build it, you run it', () => {
    const s = world(1);
    for (let i = 0; i < 80; i++) {
      s.conditions[`gateway:capacity:extra${i}`] = {
        ...must(s.conditions['gateway:capacity:1']),
        id: `gateway:capacity:extra${i}`,
      };
    }
    const budget = rotationWarnings(s, 'ops-team').find((w) => w.kind === 'pager-budget');
    expect(budget?.fix).toMatch(/you build it, you run it/);
    expect(budget?.fix).toMatch(/Gateway/);
  });
});
