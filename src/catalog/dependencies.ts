import { type Entity, named } from './entities';
import { type EntityIndex, parseRef, refList } from './refs';

export interface Dependencies {
  /** For each service, the services it depends on (catalog order, no repeats, no cycles). */
  on: Map<Entity, Entity[]>;
  problems: string[];
  warnings: string[];
}

/** Components that provide each API, by the API's key. */
function providers(index: EntityIndex, services: readonly Entity[]): Map<Entity, Entity[]> {
  const out = new Map<Entity, Entity[]>();
  for (const svc of services) {
    const list = refList(svc.spec.providesApis);
    if (typeof list === 'string') continue;
    for (const raw of list) {
      const ref = parseRef(raw, ['API']);
      const api = typeof ref === 'string' ? undefined : index.find(ref, ['API']);
      if (api) out.set(api, [...(out.get(api) ?? []), svc]);
    }
  }
  return out;
}

/**
 * What each service depends on: its spec.dependsOn (components and resources) and the providers of the APIs
 * it consumes. A malformed reference is a problem naming the entity; one to an entity outside the catalog (or
 * outside the chosen system) is left out with a warning; an edge that would close a cycle is left out, said so.
 */
export function resolveDependencies(index: EntityIndex, services: readonly Entity[]): Dependencies {
  const chosen = new Set(services);
  const provided = providers(index, services);
  const problems: string[] = [];
  const warnings: string[] = [];
  const wanted = new Map<Entity, Entity[]>();
  for (const svc of services) {
    const deps: Entity[] = [];
    const add = (target: Entity | undefined, what: string) => {
      if (!target) return;
      if (!chosen.has(target)) {
        warnings.push(`${named(svc)}: ${what} "${target.name}" is not a service of this game day; left out`);
        return;
      }
      if (target !== svc && !deps.includes(target)) deps.push(target);
    };
    for (const [field, kinds] of [
      ['dependsOn', ['Component', 'Resource']],
      ['consumesApis', ['API']],
      ['providesApis', ['API']],
    ] as const) {
      const list = refList(svc.spec[field]);
      if (typeof list === 'string') {
        problems.push(`${named(svc)}: spec.${field} ${list}`);
        continue;
      }
      for (const raw of list) {
        const ref = parseRef(raw, kinds, field !== 'dependsOn');
        if (typeof ref === 'string') {
          problems.push(`${named(svc)}: spec.${field} ${ref}`);
          continue;
        }
        const target = index.find(ref, kinds);
        if (!target) {
          warnings.push(`${named(svc)}: spec.${field} names "${ref.name}", which is not in this catalog; left out`);
          continue;
        }
        if (field === 'dependsOn') add(target, 'dependency');
        else if (field === 'consumesApis') {
          const by = provided.get(target) ?? [];
          if (by.length === 0)
            warnings.push(`${named(svc)}: no component in this catalog provides the API "${target.name}" it consumes`);
          for (const p of by) add(p, `provider of "${target.name}"`);
        }
      }
    }
    wanted.set(svc, deps);
  }
  return { on: withoutCycles(services, wanted, warnings), problems, warnings };
}

/** Keeps each edge unless it closes a cycle (the game's dependencies must not), which is left out and said. */
function withoutCycles(services: readonly Entity[], wanted: Map<Entity, Entity[]>, warnings: string[]) {
  const on = new Map<Entity, Entity[]>(services.map((s) => [s, []]));
  const reaches = (from: Entity, to: Entity): boolean => {
    const seen = new Set<Entity>();
    const stack = [from];
    while (stack.length > 0) {
      const e = stack.pop() as Entity;
      if (e === to) return true;
      if (seen.has(e)) continue;
      seen.add(e);
      stack.push(...(on.get(e) ?? []));
    }
    return false;
  };
  for (const svc of services)
    for (const dep of wanted.get(svc) ?? []) {
      if (reaches(dep, svc))
        warnings.push(
          `${named(svc)} depends on "${dep.name}", which already depends on it: the game's dependencies cannot go round in a cycle, so this one was left out`,
        );
      else on.get(svc)?.push(dep);
    }
  return on;
}
