import type { ScenarioFile } from '../src/sim';

/** Team colours alike in lightness, told apart by hue alone: the hard case for colour-blind players. */
const COLOURS = ['#4e9af1', '#f2a93b', '#62c48a', '#d46fd8', '#e0665a', '#54c3c9'];
const TEAM_NAMES = ['Storefront', 'Payments', 'Platform', 'Data', 'Growth', 'Search'];
const SERVICE_NAMES = [
  'Gateway',
  'Storefront',
  'Checkout',
  'Catalog',
  'Payments',
  'Ledger',
  'Search',
  'Recommendations',
  'Notifications',
  'Queue',
  'Pantry DB',
  'Identity',
  'Pricing',
  'Inventory',
  'Shipping',
  'Analytics',
];
const PEOPLE = [
  'Ada',
  'Bao',
  'Carmen',
  'Dev',
  'Esi',
  'Femi',
  'Gus',
  'Hana',
  'Ivo',
  'Juno',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tomasz',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zara',
  'Aiko',
  'Bram',
  'Chidi',
  'Dana',
];

export interface Crowd {
  services: number;
  teams: number;
  people: number;
  /** Little knowledge and no runbooks: fires burn for hours, so many stay live at once. */
  hardToFix?: boolean;
}

/**
 * A scenario file with many services, teams and people, for the benchmark and the layout checks: services in
 * layers (each depends on one or two of the next layer), owned round-robin, people spread evenly over the teams.
 */
export function crowdedScenario({ services, teams, people, hardToFix = false }: Crowd): ScenarioFile {
  if (services > SERVICE_NAMES.length || teams > TEAM_NAMES.length || people > PEOPLE.length)
    throw new Error(
      `a crowd of at most ${SERVICE_NAMES.length} services, ${TEAM_NAMES.length} teams and ${PEOPLE.length} people`,
    );
  const serviceId = (i: number) => `svc-${i}`;
  const perLayer = Math.ceil(Math.sqrt(services));
  const teamList = Array.from({ length: teams }, (_, t) => ({
    id: `team-${t}`,
    name: TEAM_NAMES[t] ?? `Team ${t}`,
    color: COLOURS[t % COLOURS.length] ?? '#888888',
    kind: t === teams - 1 ? ('sre' as const) : ('dev' as const),
    members: Array.from({ length: people }, (_, p) => p)
      .filter((p) => p % teams === t)
      .map((p) => ({
        id: `person-${p}`,
        name: PEOPLE[p] ?? `Person ${p}`,
        knowledge: hardToFix
          ? { [serviceId(p % services)]: 0.05 }
          : { [serviceId(p % services)]: 0.8, [serviceId((p + 3) % services)]: 0.4 },
      })),
  }));
  const serviceList = Array.from({ length: services }, (_, i) => {
    const layer = Math.floor(i / perLayer);
    const next = (layer + 1) * perLayer;
    const dependsOn = next < services ? [serviceId(next + ((i % perLayer) % (services - next)))] : [];
    if (next + 1 < services && i % 2 === 0) dependsOn.push(serviceId(Math.min(services - 1, next + 1)));
    return {
      id: serviceId(i),
      name: SERVICE_NAMES[i] ?? `Service ${i}`,
      team: `team-${i % teams}`,
      dependsOn: [...new Set(dependsOn)],
      customerWeight: 0.5,
      load: 0.5,
      observability: hardToFix ? 0.9 : 0.6,
      runbook: hardToFix ? 0 : 0.4,
      conditions: [{ kind: 'capacity' as const }, { kind: 'deploy' as const }],
    };
  });
  return {
    schemaVersion: 3,
    id: `crowd-${services}-${teams}-${people}`,
    name: `Crowd of ${services}`,
    description: `${services} services, ${teams} teams, ${people} people.`,
    weeks: 1,
    teams: teamList,
    services: serviceList,
  };
}
