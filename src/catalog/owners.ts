import { type Entity, named } from './entities';
import { type EntityIndex, parseRef, refList } from './refs';

/** A team as the catalog gives it: its key, its name, and the people listed as its members. */
export interface CatalogTeam {
  key: string;
  name: string;
  /** The Group it came from, or how it was made when there is none. */
  from: string;
  kindHint: string;
  people: string[];
}

export interface Owners {
  teamOf: Map<Entity, CatalogTeam>;
  problems: string[];
  warnings: string[];
}

const display = (e: Entity) => {
  const profile = e.spec.profile as Record<string, unknown> | undefined;
  const shown = typeof profile?.displayName === 'string' ? profile.displayName.trim() : '';
  return shown || e.title || e.name;
};

/** The Users who are members of a Group, in catalog order. */
function membersOf(index: EntityIndex, group: Entity): string[] {
  const out: string[] = [];
  for (const e of index.entities) {
    if (e.kind !== 'User') continue;
    const list = refList(e.spec.memberOf);
    if (typeof list === 'string') continue;
    for (const raw of list) {
      const ref = parseRef(raw, ['Group']);
      if (typeof ref !== 'string' && index.find(ref, ['Group']) === group) {
        out.push(display(e));
        break;
      }
    }
  }
  return out;
}

/**
 * Which team owns each service: its spec.owner (a Group, or a User's first group), else its system's owner. An
 * owner that is not in the catalog still names a team (with a warning); a service nobody owns is a problem.
 */
export function resolveOwners(index: EntityIndex, services: readonly Entity[]): Owners {
  const teams = new Map<string, CatalogTeam>();
  const teamOf = new Map<Entity, CatalogTeam>();
  const problems: string[] = [];
  const warnings: string[] = [];
  const teamFor = (key: string, make: () => Omit<CatalogTeam, 'key'>) => {
    let team = teams.get(key);
    if (!team) {
      team = { key, ...make() };
      teams.set(key, team);
    }
    return team;
  };
  const groupTeam = (g: Entity) =>
    teamFor(`group:${g.namespace}/${g.name}`, () => ({
      name: display(g),
      from: `Group "${g.name}"`,
      kindHint: `${g.name} ${display(g)}`,
      people: membersOf(index, g),
    }));
  for (const svc of services) {
    let raw = svc.spec.owner;
    let via = '';
    if (raw === undefined) {
      const sys = parseRef(svc.spec.system, ['System']);
      const system = typeof sys === 'string' ? undefined : index.find(sys, ['System']);
      raw = system?.spec.owner;
      via = system ? ` (the owner of its system "${system.name}")` : '';
    }
    if (raw === undefined) {
      problems.push(`${named(svc)}: spec.owner is missing, and no system in the catalog gives one`);
      continue;
    }
    const ref = parseRef(raw, ['Group', 'User']);
    if (typeof ref === 'string') {
      problems.push(`${named(svc)}: spec.owner${via} ${ref}`);
      continue;
    }
    const owner = index.find(ref, ['Group', 'User']);
    if (owner?.kind === 'Group') teamOf.set(svc, groupTeam(owner));
    else if (owner?.kind === 'User') {
      const first = refList(owner.spec.memberOf);
      const groupRef = typeof first === 'string' ? undefined : first[0];
      const g = groupRef === undefined ? undefined : parseRef(groupRef, ['Group']);
      const group = g && typeof g !== 'string' ? index.find(g, ['Group']) : undefined;
      teamOf.set(
        svc,
        group
          ? groupTeam(group)
          : teamFor(`user:${owner.name}`, () => ({
              name: display(owner),
              from: `User "${owner.name}", who is in no group of the catalog`,
              kindHint: owner.name,
              people: [display(owner)],
            })),
      );
    } else {
      warnings.push(
        `${named(svc)}: its owner "${ref.name}" is not a Group or User in this catalog; a team of that name was made`,
      );
      teamOf.set(
        svc,
        teamFor(`group:${ref.namespace}/${ref.name}`, () => ({
          name: ref.name,
          from: `the owner "${ref.name}", not described in the catalog`,
          kindHint: ref.name,
          people: [],
        })),
      );
    }
  }
  return { teamOf, problems, warnings };
}
