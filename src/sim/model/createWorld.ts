import { createStream } from '../rng';
import { emptyLedger } from '../rules/effects';
import { peaksOf } from '../rules/pressure';
import { defaultRotation } from '../rules/rotation';
import type { Scenario } from '../scenario/schema';
import { addPriorIncidents, roundStart } from './history';
import type { Engineer, LatentCondition, OwnershipModel, Service, SimState, Team, WeekStats } from './types';

export interface WorldOptions {
  seed: number;
  weeks?: number;
  ownership?: OwnershipModel;
}

export function emptyWeek(): WeekStats {
  return { incidents: 0, pages: 0, customerMinutes: 0, downMinutes: 0, learning: 0 };
}

export function createWorld(scenario: Scenario, options: WorldOptions): SimState {
  const seed = options.seed | 0;
  const weeks = options.weeks ?? scenario.weeks;
  const services: Record<string, Service> = {};
  const conditions: Record<string, LatentCondition> = {};
  for (const s of scenario.services) {
    services[s.id] = {
      id: s.id,
      name: s.name,
      team: s.team,
      dependsOn: [...s.dependsOn],
      customerWeight: s.customerWeight,
      load: s.load,
      observability: s.observability,
      runbook: s.runbook,
      lastDeployAt: null,
      lastTouchedAt: 0,
      featureProgress: 0,
      deploys: 0,
    };
    s.conditions.forEach((c, i) => {
      const id = `${s.id}:${c.kind}:${i}`;
      conditions[id] = {
        id,
        service: s.id,
        kind: c.kind,
        strength: c.strength,
        revealed: false,
        createdAt: 0,
        origin: 'scenario',
        fired: 0,
      };
    });
  }
  const teams: Record<string, Team> = {};
  const engineers: Record<string, Engineer> = {};
  const engineerOrder: string[] = [];
  for (const t of scenario.teams) {
    teams[t.id] = {
      id: t.id,
      name: t.name,
      color: t.color,
      kind: t.kind,
      site: t.site,
      culture: 0.5,
      reliabilityShare: 0.1,
      shifts: 0,
      shiftsOverBudget: 0,
      hiringUntil: null,
      lastDrillAt: null,
      owedHours: 0,
      toilShare: 0,
      shiftPages: 0,
    };
    for (const m of t.members) {
      engineers[m.id] = newEngineer(m.id, m.name, t.id, m.site ?? t.site, { ...m.knowledge }, 0);
      engineerOrder.push(m.id);
    }
  }
  const state: SimState = {
    schemaVersion: 1,
    seed,
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    now: 0,
    weeks,
    ownership: options.ownership ?? scenario.ownership,
    services,
    serviceOrder: scenario.services.map((s) => s.id),
    conditions,
    teams,
    teamOrder: scenario.teams.map((t) => t.id),
    engineers,
    engineerOrder,
    rotation: { byTeam: {} },
    incidents: {},
    incidentOrder: [],
    retros: {},
    actionItems: {},
    nearMisses: {},
    customerTrust: 0.8,
    siteOffsets: Object.fromEntries(
      scenario.sites.map((x) => [x.id, x.utcOffset - (scenario.sites[0]?.utcOffset ?? 0)]),
    ),
    streams: {},
    nextId: 0,
    log: [[]],
    openIncidents: [],
    weekly: Array.from({ length: weeks }, emptyWeek),
    totals: {
      incidents: 0,
      pages: 0,
      nightPages: 0,
      customerMinutes: 0,
      downMinutes: 0,
      businessValue: 0,
      burnouts: 0,
      toilHours: 0,
      workHours: 0,
      nearMisses: 0,
      nearMissesReported: 0,
      nearMissesReviewed: 0,
      retros: 0,
      retrosShared: 0,
      actionItemsClosed: 0,
      drills: 0,
      hires: 0,
      shiftsWithinBudget: 0,
      shiftsCounted: 0,
      factorsSurfaced: [],
    },
    namePool: [...scenario.names],
    peaks: peaksOf(scenario),
    investments: [],
    lost: null,
  };
  for (const id of Object.keys(conditions)) state.streams[`chaos:${id}`] = createStream(seed, `chaos:${id}`);
  state.rotation = defaultRotation(state);
  addPriorIncidents(state, scenario);
  state.totals.effects = emptyLedger();
  state.start = roundStart(state);
  return state;
}

export function newEngineer(
  id: string,
  name: string,
  team: string,
  site: string,
  knowledge: Record<string, number>,
  now: number,
): Engineer {
  const lastExposure: Record<string, number> = {};
  for (const k of Object.keys(knowledge)) lastExposure[k] = now;
  return {
    id,
    name,
    team,
    site,
    knowledge,
    lastExposure,
    fatigue: 0.15,
    morale: 0.7,
    trust: 0.6,
    practised: [],
    status: 'active',
    joinedAt: now,
    leftAt: null,
    pagesThisShift: 0,
    busyUntil: 0,
    shadowing: null,
    incidentsHandled: 0,
    heroCalls: 0,
  };
}
