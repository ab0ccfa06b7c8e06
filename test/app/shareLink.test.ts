import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packText, UNPACKED_LIMIT, unpackText } from '../../src/app/packing';
import { LINK_LIMIT, makeShareLink, readShareLink, type SharedRound } from '../../src/app/shareLink';
import { builtInScenarioList } from '../../src/round/roundTerms';
import { createWorld, type Scenario, validateScenario } from '../../src/sim';

const BASE = 'https://example.test/firepants/';
const platform = builtInScenarioList()[0] as Scenario;

function round(scenario: Scenario, seed = 42, weeks = 4): SharedRound {
  const world = createWorld(scenario, { seed, weeks, ownership: 'hybrid' });
  const rotation = structuredClone(world.rotation.byTeam);
  const web = rotation.web;
  if (web?.[1]) web[1] = { primary: 'carmen', secondary: 'dev' };
  return { scenario, seed, weeks, ownership: 'hybrid', rotation };
}

const hashOf = (link: string) => link.slice(link.indexOf('#'));

async function problemFor(hash: string): Promise<string> {
  const r = await readShareLink(hash);
  if (r.ok) throw new Error(`expected a refusal for ${hash}`);
  return r.problem;
}

function checkoutTeam(): Scenario {
  const raw = JSON.parse(readFileSync(new URL('../../docs/examples/checkout-team.json', import.meta.url), 'utf8'));
  const r = validateScenario(raw);
  if (!r.ok) throw new Error('example invalid');
  return r.scenario;
}

/** A scenario so large that even packed it would not fit a link. */
function hugeScenario(): Scenario {
  const services = Array.from({ length: 24 }, (_, i) => ({ id: `svc-${i}`, name: `Service ${i}`, team: 't0' }));
  let x = 7;
  const next = () => {
    x = (x * 48271) % 2147483647;
    return Math.round((x / 2147483647) * 1000) / 1000;
  };
  const teams = Array.from({ length: 8 }, (_, t) => ({
    id: `t${t}`,
    name: `Team ${t}`,
    color: '#336699',
    members: Array.from({ length: 20 }, (_, m) => ({
      id: `p${t}-${m}`,
      name: `Person ${t}-${m}`,
      knowledge: Object.fromEntries(services.map((s) => [s.id, next()])),
    })),
  }));
  const r = validateScenario({
    schemaVersion: 1,
    id: 'huge-org',
    name: 'Huge org',
    teams,
    services: services.map((s) => ({ ...s, customerWeight: next() })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('a shared round by link', () => {
  it('a built-in round comes back with the same scenario, seed, weeks, ownership and rotation, plus a code', async () => {
    const shared = round(platform);
    const out = await makeShareLink(shared, BASE);
    expect(out.link.startsWith(`${BASE}#round=platform&`)).toBe(true);
    expect(out.link).toContain('v=1');
    expect(out.scenarioTravels).toBe('built-in');
    expect(out.code).toMatch(/^[0-9A-Z]{6,8}$/);
    const back = await readShareLink(hashOf(out.link));
    if (!back.ok) throw new Error(back.problem);
    expect(back.round.scenario.id).toBe('platform');
    expect(back.round.seed).toBe(42);
    expect(back.round.weeks).toBe(4);
    expect(back.round.ownership).toBe('hybrid');
    expect(back.round.rotation).toEqual(shared.rotation);
    expect(back.round.rotation.web?.[1]).toEqual({ primary: 'carmen', secondary: 'dev' });
    expect(back.summary).toBe('Shared round: Pantry Platform, seed 42, 4 weeks');
  });

  it('a custom scenario travels packed inside the link and comes back identical', async () => {
    const scenario = checkoutTeam();
    const out = await makeShareLink(round(scenario, -7, 2), BASE);
    expect(out.scenarioTravels).toBe('in-link');
    expect(out.code).toBeNull();
    expect(out.link.length).toBeLessThanOrEqual(LINK_LIMIT);
    const back = await readShareLink(hashOf(out.link));
    if (!back.ok) throw new Error(back.problem);
    expect(back.round.scenario).toEqual(scenario);
    expect(back.round.seed).toBe(-7);
  });

  it('a custom scenario that would not fit names itself, and the link works once its file is loaded', async () => {
    const scenario = hugeScenario();
    const out = await makeShareLink(round(scenario), BASE);
    expect(out.scenarioTravels).toBe('as-file');
    expect(out.link.length).toBeLessThan(LINK_LIMIT);
    const without = await readShareLink(hashOf(out.link));
    expect(without.ok).toBe(false);
    if (!without.ok) {
      expect(without.needsFile).toEqual({ id: 'huge-org', name: 'Huge org' });
      expect(without.problem).toContain('load its file');
    }
    const withFile = await readShareLink(hashOf(out.link), [scenario]);
    expect(withFile.ok).toBe(true);
  });

  it('a custom file that reuses a built-in id still travels with its own content', async () => {
    const impostor = { ...checkoutTeam(), id: 'platform' };
    const out = await makeShareLink(round(impostor), BASE);
    expect(out.scenarioTravels).toBe('in-link');
    const back = await readShareLink(hashOf(out.link));
    expect(back.ok && back.round.scenario.name).toBe('Our checkout');
  });
});

describe('a bad or tampered link is refused, naming the bad part', () => {
  const good = '#round=platform&v=1&seed=42&weeks=4&ownership=hybrid';

  it.each([
    ['#seed=42', 'does not start with #round='],
    ['#round=platform&seed=42&weeks=4&ownership=hybrid', 'version (v) is missing'],
    [good.replace('v=1', 'v=2'), 'v=2'],
    [good.replace('seed=42', 'seed=abc'), 'seed "abc"'],
    [good.replace('seed=42', 'seed=1000000000'), 'seed "1000000000"'],
    [good.replace('weeks=4', 'weeks=3'), 'weeks "3"'],
    [good.replace('hybrid', 'chaos'), 'ownership "chaos"'],
    [good.replace('round=platform', 'round=nowhere'), '"nowhere"'],
    [`${good}&rotation=__proto___ada.bao_ada.bao_ada.bao_ada.bao`, 'the rotation names team'],
    [`${good}&rotation=hasOwnProperty_ada.bao_ada.bao_ada.bao_ada.bao`, 'team "hasOwnProperty"'],
    [`${good}&rotation=constructor_ada.bao`, 'team "constructor"'],
    [`${good}&rotation=web_ada.bao_ada.bao`, 'has 2 weeks; the round has 4'],
    [`${good}&rotation=web_ada.hana_ada.bao_ada.bao_ada.bao`, '"hana" on the Storefront pager in week 1'],
    [`${good}&rotation=web_ada.toString_ada.bao_ada.bao_ada.bao`, '"toString"'],
    [`${good}&rotation=web_ada.bao_ada.bao_ada.bao_ada.bao*web_ada.bao_ada.bao_ada.bao_ada.bao`, 'twice'],
    [`${good}&scenario=!!!`, 'not base64url'],
    [`${good}&scenario=AAAA`, 'scenario packed in it'],
  ])('%s', async (hash, part) => {
    const problem = await problemFor(hash);
    expect(problem).toContain(part);
    expect(problem.startsWith('This shared-round link cannot be used')).toBe(true);
  });

  it('a packed scenario with a bad field is refused with the path of that field', async () => {
    const scenario = checkoutTeam();
    const out = await makeShareLink(round(scenario), BASE);
    const broken = { ...scenario, services: scenario.services.map((s, i) => (i === 0 ? { ...s, team: 'ghosts' } : s)) };
    const other = await makeShareLink({ ...round(scenario), scenario: broken as Scenario }, BASE);
    const packed = new URLSearchParams(hashOf(other.link).slice(1)).get('scenario') ?? '';
    const params = new URLSearchParams(hashOf(out.link).slice(1));
    params.set('scenario', packed);
    const problem = await problemFor(`#${params.toString()}`);
    expect(problem).toContain('services["edge"].team');
  });

  it('a tampered packed scenario is refused, never thrown', async () => {
    const out = await makeShareLink(round(checkoutTeam()), BASE);
    const params = new URLSearchParams(hashOf(out.link).slice(1));
    const packed = params.get('scenario') ?? '';
    params.set('scenario', `${packed.slice(0, 40)}${packed[40] === 'A' ? 'B' : 'A'}${packed.slice(41)}`);
    const r = await readShareLink(`#${params.toString()}`);
    expect(r.ok).toBe(false);
  });

  it('a tiny link that would unpack into something huge is refused', async () => {
    const packed = await packText('a'.repeat(UNPACKED_LIMIT + 1000));
    expect(packed.length).toBeLessThan(2000);
    const r = await unpackText(packed);
    expect(r).toEqual({ ok: false, reason: `it unpacks to more than ${UNPACKED_LIMIT / 1000} kB` });
    const fine = await unpackText(await packText('héllo'));
    expect(fine).toEqual({ ok: true, text: 'héllo' });
  });

  it('never throws on any text after #round=', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (tail) => {
        const r = await readShareLink(`#round=${tail}`);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problem.length).toBeGreaterThan(20);
      }),
      { numRuns: 200 },
    );
  });
});
