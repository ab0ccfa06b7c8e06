import { clip, isReservedName, type Scenario, validateScenario } from '../sim';
import {
  DEFAULTS_EXPLAINED,
  INVENTED_NAMES,
  knowledgeByPlace,
  lifecycleOf,
  serviceNumbers,
  TEAM_COLORS,
} from './defaults';
import { resolveDependencies } from './dependencies';
import { type Entity, named, readCatalog } from './entities';
import { type CatalogTeam, resolveOwners } from './owners';
import { EntityIndex, parseRef } from './refs';

/** The most a game day holds (the scenario file's own limits). */
const MAX_SERVICES = 24;
const MAX_TEAMS = 8;
const MAX_PEOPLE = 20;
const MAX_DEPENDENCIES = 12;
const MIN_PEOPLE = 3;

export interface CatalogOptions {
  /** Only this system's components and resources (and what they depend on). */
  system?: string;
  /** The scenario's id (lower-case letters, digits and dashes). */
  id?: string;
}

export type CatalogScenario =
  | {
      ok: true;
      /** The scenario file to write: plain JSON the game loads, with `$comment` notes saying where each value came from. */
      file: Record<string, unknown>;
      /** The same scenario as the game reads it. */
      scenario: Scenario;
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** A game id from a catalog name: lower-case letters, digits and dashes, at most 40, never a reserved word. */
function slug(name: string, taken: Set<string>): string {
  let base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'x';
  if (isReservedName(base)) base = `${base}-1`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const label = (text: string) => clip(text.trim(), 40).replace(/…$/, '').trim() || 'Unnamed';
const runs = (e: Entity) => e.kind === 'Resource' || (e.kind === 'Component' && e.spec.type !== 'library');

/** The services of the game day: every running component and resource, or one system's and what they need. */
function pickServices(index: EntityIndex, system: string | undefined): Entity[] | string {
  const all = index.entities.filter(runs);
  if (!system) return all;
  const inSystem = all.filter((e) => {
    const ref = parseRef(e.spec.system, ['System']);
    return typeof ref !== 'string' && ref.name.toLowerCase() === system.toLowerCase();
  });
  if (inSystem.length === 0) return `no component or resource belongs to the system "${clip(system, 60)}"`;
  const chosen = new Set(inSystem);
  const deps = resolveDependencies(index, all).on;
  for (const e of [...chosen]) for (const d of deps.get(e) ?? []) chosen.add(d);
  return all.filter((e) => chosen.has(e));
}

function teamKind(team: CatalogTeam): 'dev' | 'ops' | 'sre' {
  const words = team.kindHint.toLowerCase();
  if (/\bsre\b|reliability/.test(words)) return 'sre';
  if (/\bops\b|operations/.test(words)) return 'ops';
  return 'dev';
}

/**
 * Turns a Backstage catalog into a game-day scenario: services, teams, people and dependencies from the catalog,
 * everything else by explained default. Bad YAML or a bad reference gives problems naming the entity; nothing
 * throws.
 */
export function scenarioFromCatalog(source: string, options: CatalogOptions = {}): CatalogScenario {
  try {
    return convert(source, options);
  } catch (err) {
    return { ok: false, problems: [`could not be read: ${clip(err instanceof Error ? err.message : String(err))}`] };
  }
}

function convert(source: string, options: CatalogOptions): CatalogScenario {
  const read = readCatalog(source);
  if (!read.ok) return read;
  const index = new EntityIndex(read.entities);
  const problems = index.duplicates().map((e) => `${named(e)}: another ${e.kind} has the same name`);
  const picked = pickServices(index, options.system);
  if (typeof picked === 'string') return { ok: false, problems: [picked] };
  if (picked.length === 0) return { ok: false, problems: ['the catalog has no Component or Resource to play'] };
  if (picked.length > MAX_SERVICES)
    return {
      ok: false,
      problems: [
        `the catalog has ${picked.length} components and resources; a game day holds ${MAX_SERVICES}: choose one system (--system <name>, or the system field in the menu)`,
      ],
    };
  const owners = resolveOwners(index, picked);
  const deps = resolveDependencies(index, picked);
  problems.push(...owners.problems, ...deps.problems);
  if (problems.length > 0) return { ok: false, problems };
  const teams = [...new Set(picked.map((e) => owners.teamOf.get(e) as CatalogTeam))];
  if (teams.length > MAX_TEAMS)
    return {
      ok: false,
      problems: [`the services belong to ${teams.length} teams; a game day holds ${MAX_TEAMS}: choose one system`],
    };
  const warnings = [...owners.warnings, ...deps.warnings];
  const ids = new Set<string>();
  const serviceId = new Map(picked.map((e) => [e, slug(e.name, ids)]));
  const teamId = new Map(teams.map((t) => [t, slug(t.name, ids)]));
  const dependents = (e: Entity) => picked.filter((o) => deps.on.get(o)?.includes(e)).length;
  const services = picked.map((e) => {
    const on = (deps.on.get(e) ?? []).slice(0, MAX_DEPENDENCIES);
    if ((deps.on.get(e)?.length ?? 0) > MAX_DEPENDENCIES)
      warnings.push(`${named(e)}: only its first ${MAX_DEPENDENCIES} dependencies were kept`);
    return {
      $comment: `From ${e.kind} "${e.name}"${typeof e.spec.type === 'string' ? ` (${e.spec.type}` : ' ('}${lifecycleOf(e) ? `, ${lifecycleOf(e)}` : ''}).`,
      id: serviceId.get(e) as string,
      name: label(e.title ?? e.name),
      team: teamId.get(owners.teamOf.get(e) as CatalogTeam) as string,
      dependsOn: on.map((d) => serviceId.get(d) as string),
      ...serviceNumbers(e, dependents(e)),
    };
  });
  const invented = [...INVENTED_NAMES];
  const people = new Set<string>();
  const teamRows = teams.map((t, i) => {
    const own = services.filter((s) => s.team === teamId.get(t)).map((s) => s.id);
    const listed = t.people.slice(0, MAX_PEOPLE);
    if (t.people.length > MAX_PEOPLE) warnings.push(`team "${t.name}": only its first ${MAX_PEOPLE} people were kept`);
    const extra: string[] = [];
    while (listed.length + extra.length < MIN_PEOPLE) extra.push(invented.shift() ?? `Colleague ${extra.length + 1}`);
    return {
      $comment: `From ${t.from}: ${listed.length} ${listed.length === 1 ? 'person' : 'people'} listed${extra.length ? `, ${extra.length} invented (${extra.join(', ')})` : ''}.`,
      id: teamId.get(t) as string,
      name: label(t.name),
      color: TEAM_COLORS[i % TEAM_COLORS.length] as string,
      kind: teamKind(t),
      members: [...listed, ...extra].map((name, place) => ({
        id: slug(name, people),
        name: label(name),
        knowledge: Object.fromEntries(own.map((s) => [s, knowledgeByPlace(place)])),
      })),
    };
  });
  const title = options.system ? `Game day: ${options.system}` : `Game day: ${teams[0]?.name ?? 'our services'}`;
  const file: Record<string, unknown> = {
    $comment: [...DEFAULTS_EXPLAINED, ...warnings.map((w) => `Note: ${w}`)],
    schemaVersion: 2,
    id: options.id && /^[a-z0-9][a-z0-9-]{0,39}$/.test(options.id) ? options.id : 'game-day',
    name: label(title),
    description: clip(
      `${services.length} services and ${teamRows.length} teams from a Backstage catalog${options.system ? ` (system ${options.system})` : ''}.`,
      600,
    ),
    ownership: 'you-build-it',
    weeks: 4,
    teams: teamRows,
    services,
    names: invented.slice(0, 6),
  };
  const checked = validateScenario(file);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => `${p.path}: ${p.message}`) };
  return { ok: true, file, scenario: checked.scenario, warnings };
}
