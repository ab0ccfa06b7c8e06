import { parseAllDocuments } from 'yaml';
import { clip } from '../sim';

/**
 * A Backstage software catalog (`catalog-info.yaml`), read as the entities a game day needs: components and
 * resources become services, groups become teams, users become people. Everything else is left aside.
 */

export const KINDS = ['Component', 'Resource', 'System', 'Group', 'User', 'API'] as const;
export type EntityKind = (typeof KINDS)[number];

export interface Entity {
  kind: EntityKind;
  name: string;
  namespace: string;
  title?: string;
  description?: string;
  spec: Record<string, unknown>;
  /** Where it was in the file: "document 3", for messages. */
  where: string;
}

/** The longest catalog read, in characters (a game day's catalog is far smaller). */
export const MAX_CATALOG_CHARS = 2_000_000;
const MAX_DOCUMENTS = 2_000;

export type CatalogRead = { ok: true; entities: Entity[]; skipped: string[] } | { ok: false; problems: string[] };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** How an entity is named in a message: `Component "artist-lookup" (document 3)`. */
export const named = (e: Pick<Entity, 'kind' | 'name' | 'where'>) => `${e.kind} "${clip(e.name, 60)}" (${e.where})`;

/**
 * Reads every document of the file. Bad YAML is reported with its line; an entity without a kind or a name is
 * reported with its document; kinds a game day has no use for (Location, Domain, Template…) are listed as skipped.
 * Never throws.
 */
export function readCatalog(source: string): CatalogRead {
  if (typeof source !== 'string') return { ok: false, problems: ['a catalog must be text'] };
  if (source.length > MAX_CATALOG_CHARS)
    return { ok: false, problems: [`the catalog is larger than ${MAX_CATALOG_CHARS / 1_000_000} MB`] };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(source.replace(/^\uFEFF/, ''), { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    return { ok: false, problems: [`not valid YAML: ${clip(err instanceof Error ? err.message : String(err))}`] };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > MAX_DOCUMENTS) return { ok: false, problems: [`more than ${MAX_DOCUMENTS} documents`] };
  const problems: string[] = [];
  const entities: Entity[] = [];
  const skipped: string[] = [];
  list.forEach((doc, i) => {
    const where = `document ${i + 1}`;
    const bad = doc.errors[0];
    if (bad) {
      const at = bad.linePos?.[0];
      problems.push(
        `${where}${at ? `, line ${at.line}` : ''}: not valid YAML (${clip(bad.message.split('\n')[0] ?? '')})`,
      );
      return;
    }
    let raw: unknown;
    try {
      raw = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      problems.push(`${where}: ${clip(err instanceof Error ? err.message : String(err))}`);
      return;
    }
    if (raw === null || raw === undefined) return; // an empty document, as after a trailing ---
    const entity = toEntity(raw, where);
    if (typeof entity === 'string') problems.push(entity);
    else if ('skip' in entity) skipped.push(entity.skip);
    else entities.push(entity);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entities, skipped };
}

function toEntity(raw: unknown, where: string): Entity | { skip: string } | string {
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null)
    return `${where}: an entity must be a mapping with apiVersion, kind, metadata and spec`;
  const r = raw as Record<string, unknown>;
  const kind = text(r.kind);
  const metadata = (typeof r.metadata === 'object' && r.metadata !== null ? r.metadata : {}) as Record<string, unknown>;
  const name = text(metadata.name);
  if (!kind) return `${where}${name ? ` ("${clip(name, 60)}")` : ''}: kind is missing`;
  if (!name) return `${where} (${clip(kind, 30)}): metadata.name is missing`;
  if (!(KINDS as readonly string[]).includes(kind)) return { skip: `${clip(kind, 30)} "${clip(name, 60)}"` };
  const spec = r.spec;
  if (spec !== undefined && (typeof spec !== 'object' || spec === null || Array.isArray(spec)))
    return `${kind} "${clip(name, 60)}" (${where}): spec must be a mapping`;
  return {
    kind: kind as EntityKind,
    name,
    namespace: text(metadata.namespace) ?? 'default',
    ...(text(metadata.title) ? { title: text(metadata.title) } : {}),
    ...(text(metadata.description) ? { description: text(metadata.description) } : {}),
    spec: (spec ?? {}) as Record<string, unknown>,
    where,
  };
}
