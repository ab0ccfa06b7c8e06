import type { ConditionKind } from '../sim';
import type { Entity } from './entities';

/**
 * What a catalog does not say and a game day needs — how busy and how well watched each service is, what
 * weaknesses it hides, who knows it — filled in from what the catalog does say (type and lifecycle). Every
 * default is explained in the generated file's comments, so a facilitator can change it with reason.
 */

export const DEFAULTS_EXPLAINED: readonly string[] = [
  'Made from a Backstage catalog: Components (not libraries) and Resources are services, their owners are teams, Users who are members of a team are its people.',
  'dependsOn comes from spec.dependsOn and from consumesApis (a service depends on the components that provide the APIs it consumes).',
  'Not in a catalog, so filled in by default (change them freely): customerWeight 0.9 for a website, 0.7 for a service, 0.6 for a resource, +0.05 for each service that depends on it, less for experimental ones;',
  'load, observability and runbook follow the lifecycle: production 0.6 / 0.6 / 0.5, experimental 0.3 / 0.3 / 0.2, deprecated 0.4 / 0.3 / 0.1;',
  'weaknesses (latent conditions) follow the type: a website can run out of capacity or break on config, a service on config or a deploy (and a retry storm when two or more depend on it), a database on capacity or data, a queue on duplicate delivery; deprecated ones keep an old code path (config 0.8), experimental ones an unsafe deploy path;',
  'knowledge: the first person of each team knows its services well (0.8), the second a little (0.45), the others a bit (0.3), so each service starts with one person who can really handle it;',
  'a team with fewer than three people listed gets invented colleagues (marked as such in their team’s comment) up to three.',
  'Add "fires" for a scripted game day and "history" for last week’s outages: see docs/scenario-template.jsonc.',
];

export interface ServiceNumbers {
  customerWeight: number;
  load: number;
  observability: number;
  runbook: number;
  conditions: { kind: ConditionKind; strength: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const typeOf = (e: Entity) => (typeof e.spec.type === 'string' ? e.spec.type.toLowerCase() : '');
export const lifecycleOf = (e: Entity) => (typeof e.spec.lifecycle === 'string' ? e.spec.lifecycle.toLowerCase() : '');

const BY_LIFECYCLE: Record<string, { load: number; observability: number; runbook: number; weight: number }> = {
  production: { load: 0.6, observability: 0.6, runbook: 0.5, weight: 1 },
  experimental: { load: 0.3, observability: 0.3, runbook: 0.2, weight: 0.6 },
  deprecated: { load: 0.4, observability: 0.3, runbook: 0.1, weight: 0.8 },
};
const UNKNOWN_LIFECYCLE = { load: 0.5, observability: 0.5, runbook: 0.4, weight: 0.9 };

/** A resource that stores data: a database, a bucket, a volume. */
const stores = (type: string) => /data|db|sql|store|storage|bucket|volume|cache/.test(type);
const queues = (type: string) => /queue|topic|stream|kafka|bus/.test(type);

function weaknesses(e: Entity, dependents: number): ServiceNumbers['conditions'] {
  const type = typeOf(e);
  const out: ServiceNumbers['conditions'] = [];
  if (e.kind === 'Resource') {
    if (queues(type)) out.push({ kind: 'duplicate-delivery', strength: 0.5 });
    else if (stores(type) || type === '')
      out.push({ kind: 'capacity', strength: 0.6 }, { kind: 'data', strength: 0.6 });
    else out.push({ kind: 'dependency', strength: 0.4 });
  } else if (type === 'website') out.push({ kind: 'capacity', strength: 0.6 }, { kind: 'config', strength: 0.4 });
  else {
    out.push({ kind: 'config', strength: 0.5 }, { kind: 'deploy', strength: 0.5 });
    if (dependents >= 2) out.push({ kind: 'retry-storm', strength: 0.5 });
  }
  const life = lifecycleOf(e);
  const add = (kind: ConditionKind, strength: number) => {
    const had = out.find((c) => c.kind === kind);
    if (had) had.strength = Math.max(had.strength, strength);
    else out.push({ kind, strength });
  };
  if (life === 'deprecated') add('config', 0.8);
  if (life === 'experimental') add('deploy', 0.6);
  return out;
}

/** The numbers a service gets from its entity (type, lifecycle) and how many services depend on it. */
export function serviceNumbers(e: Entity, dependents: number): ServiceNumbers {
  const life = BY_LIFECYCLE[lifecycleOf(e)] ?? UNKNOWN_LIFECYCLE;
  const type = typeOf(e);
  const base = e.kind === 'Resource' ? 0.6 : type === 'website' ? 0.9 : 0.7;
  return {
    customerWeight: round2(Math.min(1, (base + 0.05 * dependents) * life.weight)),
    load: life.load,
    observability: life.observability,
    runbook: life.runbook,
    conditions: weaknesses(e, dependents),
  };
}

/** How well each person of a team knows the team's services, by their place in it. */
export const knowledgeByPlace = (place: number) => (place === 0 ? 0.8 : place === 1 ? 0.45 : 0.3);

export const TEAM_COLORS = ['#e8716d', '#4e9af1', '#62c48a', '#f0a35e', '#9b7fe6', '#d16ba5', '#5fb8c2', '#c2a14e'];

/** Names for invented colleagues and for hires; none of them comes from the catalog. */
export const INVENTED_NAMES = [
  'Ari',
  'Bo',
  'Cass',
  'Dede',
  'Ezra',
  'Fen',
  'Gil',
  'Hale',
  'Ines',
  'Jun',
  'Kit',
  'Lou',
  'Mae',
  'Nico',
  'Oli',
  'Pat',
  'Rue',
  'Sky',
  'Tam',
  'Val',
  'Wes',
  'Yas',
  'Zoe',
  'Ash',
];
