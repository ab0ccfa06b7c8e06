import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromCatalog } from '../../src/catalog';
import { parseScenarioText, playRound, policies } from '../../src/sim';

const tuneport = readFileSync('test/fixtures/catalog/tuneport.yaml', 'utf8');

const doc = (kind: string, name: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
const catalog = (...docs: string[]) => docs.join('---\n');

function ok(text: string, options = {}) {
  const r = scenarioFromCatalog(text, options);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

function problems(text: string, options = {}): string[] {
  const r = scenarioFromCatalog(text, options);
  if (r.ok) throw new Error('expected the catalog to be refused');
  return r.problems;
}

describe('a game day from a Backstage catalog', () => {
  const r = ok(tuneport);
  const services = r.scenario.services;
  const service = (id: string) => services.find((s) => s.id === id);

  it('makes every running component and resource a service, and leaves libraries out', () => {
    expect(tuneport.match(/^kind: Component$/gm)?.length).toBeGreaterThanOrEqual(10);
    expect(services).toHaveLength(17);
    expect(service('player-ui-kit')).toBeUndefined();
    expect(r.scenario.teams.map((t) => t.name)).toEqual(['Listeners', 'Artists', 'Playback', 'Platform SRE']);
  });

  it('follows spec.dependsOn and the providers of the APIs each service consumes', () => {
    expect(service('www-listener')?.dependsOn).toEqual(['search-service', 'playlist-service', 'playback-order']);
    expect(service('upload-service')?.dependsOn).toEqual(['audio-transcoder', 'media-bucket']);
    expect(service('playback-order')?.dependsOn).toEqual(['stream-gateway']);
  });

  it('finds each owner: a group, a user’s group, or the owner of the service’s system', () => {
    expect(service('auth-proxy')?.team).toBe('platform-sre');
    expect(service('upload-service')?.team).toBe('artists');
    expect(service('royalties')?.team).toBe('artists');
    expect(r.scenario.teams.find((t) => t.id === 'platform-sre')?.kind).toBe('sre');
  });

  it('takes people from the catalog’s users and invents only what is missing, saying so', () => {
    const listeners = r.scenario.teams.find((t) => t.id === 'listeners');
    expect(listeners?.members.map((m) => m.name)).toEqual(['Amara Okafor', 'Jonas Berg', 'Li Wei']);
    const platform = (r.file.teams as { id: string; $comment: string }[]).find((t) => t.id === 'platform-sre');
    expect(platform?.$comment).toMatch(/1 person listed, 2 invented/);
    expect(listeners?.members[0]?.knowledge['search-service']).toBe(0.8);
  });

  it('explains its defaults in the file, and the game’s own loader reads the file as it is written', () => {
    expect((r.file.$comment as string[]).join(' ')).toMatch(/filled in by default/);
    expect((r.file.services as { $comment: string }[])[0]?.$comment).toBe(
      'From Component "www-listener" (website, production).',
    );
    const loaded = parseScenarioText(JSON.stringify(r.file, null, 2));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.scenario).toEqual(r.scenario);
  });

  it('gives deprecated services an old code path and experimental ones an unsafe deploy path', () => {
    expect(service('royalties')?.conditions).toContainEqual({ kind: 'config', strength: 0.8 });
    expect(service('recommendations')?.conditions).toContainEqual({ kind: 'deploy', strength: 0.6 });
    expect(service('listeners-db')?.conditions.map((c) => c.kind)).toEqual(['capacity', 'data']);
  });

  it('plays: a bot round on it runs its week', () => {
    const bot = policies['learning-first'];
    if (!bot) throw new Error('no bot');
    const played = playRound(r.scenario, { fast: true, seed: 1, weeks: 1, policy: bot });
    expect(played.state.now).toBe(10080);
    expect(played.state.totals.incidents).toBeGreaterThan(0);
  });

  it('keeps to one system and what it needs, when asked', () => {
    const one = ok(tuneport, { system: 'artist-portal', id: 'artists-day' });
    expect(one.scenario.id).toBe('artists-day');
    expect(one.scenario.services.map((s) => s.id).sort()).toEqual(
      [
        'artist-profile',
        'artists-db',
        'audio-transcoder',
        'events-topic',
        'media-bucket',
        'royalties',
        'upload-service',
        'www-artist',
      ].sort(),
    );
    expect(problems(tuneport, { system: 'nope' })).toEqual(['no component or resource belongs to the system "nope"']);
  });
});

describe('a catalog that cannot be played says why, naming the entity', () => {
  it('reports bad YAML with its document and line', () => {
    const [p] = problems(`${doc('Component', 'a', 'owner: t')}---\nkind: Component\nmetadata: {name: [\n`);
    expect(p).toMatch(/^document 2, line \d+: not valid YAML/);
  });

  it('reports a malformed or misplaced reference on the entity that holds it', () => {
    expect(problems(doc('Component', 'web', 'owner: "group:"'))).toEqual([
      'Component "web" (document 1): spec.owner "group:" is not a valid entity name',
    ]);
    expect(problems(doc('Component', 'web', 'owner: api:payments'))[0]).toBe(
      'Component "web" (document 1): spec.owner "api:payments" points to a api; here only Group or User fit',
    );
    expect(problems(doc('Component', 'web', 'owner: t\ndependsOn: group:t'))[0]).toBe(
      'Component "web" (document 1): spec.dependsOn must be a list',
    );
    expect(problems(doc('Component', 'web', 'type: service'))[0]).toBe(
      'Component "web" (document 1): spec.owner is missing, and no system in the catalog gives one',
    );
  });

  it('reports entities without a kind or a name, and duplicates', () => {
    expect(problems('metadata: {name: x}\n')[0]).toBe('document 1 ("x"): kind is missing');
    expect(problems('kind: Component\nspec: {}\n')[0]).toBe('document 1 (Component): metadata.name is missing');
    expect(problems(catalog(doc('Component', 'a', 'owner: t'), doc('Component', 'a', 'owner: t')))[0]).toBe(
      'Component "a" (document 2): another Component has the same name',
    );
  });

  it('leaves out what it cannot place, with a note naming the entity', () => {
    const r = ok(
      catalog(
        doc('Component', 'a', 'owner: ghosts\ndependsOn: [component:nowhere]\nconsumesApis: [unknown-api]'),
        doc('Component', 'b', 'owner: ghosts\ndependsOn: [component:a]'),
        doc('Component', 'c', 'owner: ghosts\ndependsOn: [component:b]'),
      ).replace('dependsOn: [component:nowhere]', 'dependsOn: [component:nowhere, component:c]'),
    );
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'Component "a" (document 1): its owner "ghosts" is not a Group or User in this catalog; a team of that name was made',
        'Component "a" (document 1): spec.dependsOn names "nowhere", which is not in this catalog; left out',
        'Component "a" (document 1): spec.consumesApis names "unknown-api", which is not in this catalog; left out',
      ]),
    );
    expect(r.warnings.some((w) => w.includes('cannot go round in a cycle'))).toBe(true);
    expect((r.file.$comment as string[]).some((c) => c.startsWith('Note: Component "a"'))).toBe(true);
  });

  it('refuses a catalog larger than a game day, and points to one system', () => {
    const big = catalog(...Array.from({ length: 25 }, (_, i) => doc('Component', `svc-${i}`, 'owner: t')));
    expect(problems(big)[0]).toMatch(/25 components and resources; a game day holds 24: choose one system/);
  });

  it('survives hostile input: reserved names, alias bombs, nonsense documents', () => {
    const reserved = ok(
      catalog(doc('Component', 'constructor', 'owner: valueOf'), doc('Resource', 'toString', 'owner: valueOf')),
    );
    expect(reserved.scenario.services.map((s) => s.id)).toEqual(['constructor-1', 'tostring']);
    expect(problems(doc('Component', 'a', 'owner: __proto__'))[0]).toMatch(/"__proto__" is not a valid entity name/);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(problems(bomb)[0]).toMatch(/^document 1: /);
    for (const text of ['', '---\n---\n', '42\n', '- a\n- b\n', 'kind: Component\nmetadata: {name: a}\nspec: 3\n'])
      expect(scenarioFromCatalog(text).ok).toBe(false);
  });
});

describe('npm run scenario:from-catalog', () => {
  const run = (...args: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['src/headless/fromCatalog.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('writes the scenario to standard output, which the game loads', () => {
    const r = run('test/fixtures/catalog/tuneport.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(parseScenarioText(r.stdout).ok).toBe(true);
  });

  it('refuses a catalog it cannot use, with its problems and exit code 2', () => {
    const r = run('/dev/null');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a regular file');
    expect(run().status).toBe(2);
  });
});
