import { clip } from '../sim';
import { type Entity, type EntityKind, KINDS } from './entities';

/** A reference to another entity, `[kind:][namespace/]name` as Backstage writes it. */
export interface EntityRef {
  kind: EntityKind | null;
  namespace: string;
  name: string;
}

const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,62})?$/;

/**
 * Reads a reference; `kinds` are the kinds it may point to (the first is assumed when it names none). A
 * reference that is not a name, or names a kind the field cannot point to, gives a sentence saying so.
 */
export function parseRef(raw: unknown, kinds: readonly EntityKind[], assume = true): EntityRef | string {
  if (typeof raw !== 'string' || raw.trim() === '') return 'is not a reference to an entity';
  const value = raw.trim();
  const colon = value.indexOf(':');
  const kindText = colon >= 0 ? value.slice(0, colon) : null;
  const rest = colon >= 0 ? value.slice(colon + 1) : value;
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : 'default';
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  const quoted = `"${clip(value, 60)}"`;
  if (!NAME.test(name) || (slash >= 0 && !NAME.test(namespace))) return `${quoted} is not a valid entity name`;
  if (kindText === null) return { kind: assume ? (kinds[0] ?? null) : null, namespace, name };
  const kind = KINDS.find((k) => k.toLowerCase() === kindText.toLowerCase());
  if (!kind || !kinds.includes(kind))
    return `${quoted} points to a ${clip(kindText, 20)}; here only ${kinds.join(' or ')} fit`;
  return { kind, namespace, name };
}

/** A catalog's entities by kind and name (namespaces kept apart), for own-property-safe lookups. */
export class EntityIndex {
  private readonly byKey = new Map<string, Entity>();

  constructor(readonly entities: readonly Entity[]) {
    for (const e of entities) this.byKey.set(key(e.kind, e.namespace, e.name), e);
  }

  find(ref: EntityRef, kinds: readonly EntityKind[]): Entity | undefined {
    for (const kind of ref.kind ? [ref.kind] : kinds) {
      const found = this.byKey.get(key(kind, ref.namespace, ref.name));
      if (found) return found;
    }
    return undefined;
  }

  duplicates(): Entity[] {
    const seen = new Set<string>();
    const out: Entity[] = [];
    for (const e of this.entities) {
      const k = key(e.kind, e.namespace, e.name);
      if (seen.has(k)) out.push(e);
      seen.add(k);
    }
    return out;
  }
}

const key = (kind: string, namespace: string, name: string) =>
  `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;

/** A list field of refs (a missing field is an empty list); a non-list is a problem. */
export function refList(raw: unknown): unknown[] | string {
  if (raw === undefined || raw === null) return [];
  return Array.isArray(raw) ? raw : 'must be a list';
}
