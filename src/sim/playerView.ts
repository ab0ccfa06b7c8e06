import type { Immutable } from 'immer';
import { type Command, type CommandResult, checkCommand } from './commands';
import type { SimEvent } from './events';
import { asGivenBy } from './inputLog';
import type { Snapshot } from './model/snapshot';
import type { Incident, InvestmentOffer, LatentCondition, NearMiss, Retro } from './model/types';
import { eventCount, eventsSince } from './model/world';
import { choiceOpen, offersFor, weekNumber } from './rules/investments';
import { surfacedFactors } from './rules/retro';

/**
 * What a player sees of the world, and all a bot is given: the map, the people, the incidents that have
 * been noticed with the clues found so far, the retros with the factors people spoke of, the weaknesses
 * the organization knows of. Never an incident's true class, a weakness nobody has found, an incident
 * nobody has noticed yet, the dice, or the event log that would name them.
 */

/** An incident as the incident panel shows it: its class is for the clues to narrow down. */
export type IncidentSeen = Omit<Incident, 'kind' | 'conditionId' | 'detectAt' | 'detectVia' | 'ackDueAt'> & {
  /** The weakness behind it, once the organization knows of it (its retro named it, say); else null. */
  conditionId: string | null;
};

/** A near miss as reported: where and what almost failed; which weakness, once it was reviewed. */
export type NearMissSeen = Omit<NearMiss, 'conditionId'> & { conditionId: string | null };

export interface PlayerView {
  readonly now: number;
  readonly weeks: number;
  readonly scenarioId: string;
  readonly scenarioName: string;
  readonly ownership: Snapshot['ownership'];
  readonly customerTrust: number;
  readonly delegated: boolean;
  readonly lost: Snapshot['lost'];
  readonly services: Snapshot['services'];
  readonly serviceOrder: Snapshot['serviceOrder'];
  readonly teams: Snapshot['teams'];
  readonly teamOrder: Snapshot['teamOrder'];
  readonly engineers: Snapshot['engineers'];
  readonly engineerOrder: Snapshot['engineerOrder'];
  readonly rotation: Snapshot['rotation'];
  readonly siteOffsets: Snapshot['siteOffsets'];
  /** Incidents someone has noticed, in the order they began. */
  readonly incidents: Readonly<Record<string, Immutable<IncidentSeen>>>;
  readonly incidentOrder: readonly string[];
  readonly openIncidents: readonly string[];
  /** The weaknesses the organization knows of. */
  readonly conditions: Readonly<Record<string, Immutable<LatentCondition>>>;
  /** Retros, with only the factors people spoke of. */
  readonly retros: Readonly<Record<string, Immutable<Retro>>>;
  readonly actionItems: Snapshot['actionItems'];
  readonly nearMisses: Readonly<Record<string, Immutable<NearMissSeen>>>;
  /** What the after-fire panel lists: resolved incidents with no retro yet (oldest first)… */
  readonly awaitingRetro: readonly string[];
  /** …retros begun and not yet published (in the order they were scheduled)… */
  readonly unpublishedRetros: readonly string[];
  /** …and the action items still open (in the order they were filed). */
  readonly openItems: readonly string[];
  /** The big moments announced so far. */
  readonly peaks: Snapshot['peaks'];
  readonly investments: Snapshot['investments'];
  /** The week's investment offers while a choice is open, else none. */
  readonly offers: readonly Immutable<InvestmentOffer>[];
  /**
   * Whether the world would take a command now, and if not why: what the screen's buttons say. Asked as
   * the table's own (a fire set here is staged); anything it names that the screen does not show is refused.
   */
  can(command: Command): CommandResult;
}

/** What a command names that the player cannot see, if anything: such a command is refused unseen. */
export function unseenIn(
  view: Pick<PlayerView, 'incidents' | 'conditions' | 'nearMisses'>,
  cmd: Command,
): string | null {
  const named = cmd as { incident?: unknown; condition?: unknown; nearMiss?: unknown };
  if (typeof named.incident === 'string' && !Object.hasOwn(view.incidents, named.incident))
    return `no incident "${named.incident}"`;
  if (
    cmd.type !== 'injectIncident' &&
    typeof named.condition === 'string' &&
    !Object.hasOwn(view.conditions, named.condition)
  )
    return 'name a factor of a retro or a known latent condition';
  if (typeof named.nearMiss === 'string' && !Object.hasOwn(view.nearMisses, named.nearMiss))
    return `no near miss "${named.nearMiss}"`;
  return null;
}

/** The parts of a view kept from look to look, each made anew only when an event says it changed. */
type Part = 'incidents' | 'conditions' | 'retros' | 'nearMisses' | 'items';

/**
 * Which parts each kind of event can change (open incidents are looked at anew at every look anyway). A
 * part a weakness is shown in changes with it: a weakness becomes known, fires, relapses or is weakened.
 */
const CHANGES: Partial<Record<SimEvent['type'], readonly Part[]>> = {
  'incident-detected': ['incidents'],
  'incident-started': ['conditions'],
  'incident-resolved': ['incidents', 'conditions'],
  'retro-scheduled': ['incidents', 'retros'],
  'retro-step': ['retros'],
  'retro-depth': ['retros'],
  'retro-framed': ['retros'],
  'factor-surfaced': ['retros'],
  'retro-published': ['retros', 'conditions'],
  'action-item-filed': ['retros', 'items'],
  'action-item-closed': ['items', 'conditions'],
  'action-item-stale': ['items'],
  drill: ['conditions'],
  'near-miss': ['nearMisses'],
  'near-miss-reviewed': ['nearMisses', 'conditions'],
};

/** What the view shows of incidents, weaknesses, retros and near misses at one look. */
interface Records {
  incidents: Record<string, Immutable<IncidentSeen>>;
  incidentOrder: string[];
  openIncidents: string[];
  conditions: Record<string, Immutable<LatentCondition>>;
  retros: Record<string, Immutable<Retro>>;
  nearMisses: Record<string, Immutable<NearMissSeen>>;
  awaitingRetro: string[];
  unpublishedRetros: string[];
  openItems: string[];
}

/**
 * What the incident panel shows of an incident, field by field (a new field of an incident must be named
 * here to be seen, or the compiler says so): not its class, its weakness until known, or its timers.
 */
function seenOf(inc: Immutable<Incident>, known: boolean): Immutable<IncidentSeen> {
  const seen: Immutable<IncidentSeen> = {
    id: inc.id,
    service: inc.service,
    conditionId: known ? inc.conditionId : null,
    sev: inc.sev,
    phase: inc.phase,
    startedAt: inc.startedAt,
    detectedAt: inc.detectedAt,
    detectedBy: inc.detectedBy,
    pagedAt: inc.pagedAt,
    pagedTo: inc.pagedTo,
    escalateAt: inc.escalateAt,
    ackAt: inc.ackAt,
    mitigatedAt: inc.mitigatedAt,
    resolvedAt: inc.resolvedAt,
    affected: inc.affected,
    lastSpreadAt: inc.lastSpreadAt,
    lastSevAt: inc.lastSevAt,
    responders: inc.responders,
    roles: inc.roles,
    progress: inc.progress,
    clues: inc.clues,
    inquiries: inc.inquiries,
    attempts: inc.attempts,
    recentDeploy: inc.recentDeploy,
    expertCalled: inc.expertCalled,
    teamsPulled: inc.teamsPulled,
    statusUpdates: inc.statusUpdates,
    lastStatusAt: inc.lastStatusAt,
    handoffs: inc.handoffs,
    customerMinutes: inc.customerMinutes,
    pagerTeam: inc.pagerTeam,
    retroId: inc.retroId,
    injected: inc.injected,
  };
  return inc.prior === undefined ? seen : { ...seen, prior: inc.prior };
}

/**
 * A player's eyes on one round: the view of its world at any minute. What can no longer change — a
 * resolved incident (until a retro is scheduled for it or its weakness becomes known), a published retro,
 * the week's offers — is projected once and kept, so a bot looking every few minutes costs little.
 *
 * The world logs an event whenever anything shown here changes, except an incident still open (which
 * burns on minute by minute): so a part of the view is made anew only when an event of a kind that can
 * change it has happened since the last look (CHANGES), and open incidents are looked at each time. A view
 * is good for the look it was given to. A test compares these kept views with fresh ones at every look of
 * many rounds, in worlds stepped in place and through Immer.
 */
export function playerEyes(): (world: Snapshot) => PlayerView {
  const resolved = new Map<string, { retroId: string | null; known: boolean; seen: Immutable<IncidentSeen> }>();
  const published = new Map<string, Immutable<Retro>>();
  let offers: { week: number; list: readonly Immutable<InvestmentOffer>[] } | null = null;

  const incidentSeen = (world: Snapshot, inc: Immutable<Incident>): Immutable<IncidentSeen> => {
    const known = world.conditions[inc.conditionId]?.revealed === true;
    const kept = resolved.get(inc.id);
    if (kept && kept.retroId === inc.retroId && kept.known === known) return kept.seen;
    const seen = Object.freeze(seenOf(inc, known));
    if (inc.phase === 'resolved') resolved.set(inc.id, { retroId: inc.retroId, known, seen });
    return seen;
  };
  const retroSeen = (retro: Immutable<Retro>): Immutable<Retro> => {
    const kept = published.get(retro.id);
    if (kept) return kept;
    const seen = Object.freeze({ ...retro, factors: surfacedFactors(retro) }) as Immutable<Retro>;
    if (retro.phase === 'published') published.set(retro.id, seen);
    return seen;
  };
  const offersSeen = (world: Snapshot): readonly Immutable<InvestmentOffer>[] => {
    if (!choiceOpen(world)) return [];
    const week = weekNumber(world.now);
    if (offers?.week !== week) offers = { week, list: Object.freeze(offersFor(world, week)) };
    return offers.list;
  };

  /** The incidents someone has noticed, in order, and those resolved with no retro yet. */
  const incidentsOf = (world: Snapshot): Pick<Records, 'incidents' | 'incidentOrder' | 'awaitingRetro'> => {
    const incidents: Record<string, Immutable<IncidentSeen>> = {};
    const incidentOrder: string[] = [];
    const awaitingRetro: string[] = [];
    for (const id of world.incidentOrder) {
      const inc = world.incidents[id];
      if (!inc || inc.phase === 'undetected') continue;
      incidents[id] = incidentSeen(world, inc);
      incidentOrder.push(id);
      if (inc.phase === 'resolved' && inc.retroId === null) awaitingRetro.push(id);
    }
    return { incidents, incidentOrder, awaitingRetro };
  };
  const conditionsOf = (world: Snapshot): Records['conditions'] => {
    const conditions: Record<string, Immutable<LatentCondition>> = {};
    for (const id of Object.keys(world.conditions)) {
      const c = world.conditions[id];
      if (c?.revealed) conditions[id] = c;
    }
    return conditions;
  };
  const retrosOf = (world: Snapshot): Pick<Records, 'retros' | 'unpublishedRetros'> => {
    const retros: Record<string, Immutable<Retro>> = {};
    const unpublishedRetros: string[] = [];
    for (const id of Object.keys(world.retros)) {
      const r = world.retros[id];
      if (!r) continue;
      retros[id] = retroSeen(r);
      if (r.phase !== 'published') unpublishedRetros.push(id);
    }
    return { retros, unpublishedRetros };
  };
  const itemsOf = (world: Snapshot): string[] => {
    const openItems: string[] = [];
    for (const id of Object.keys(world.actionItems)) if (world.actionItems[id]?.status === 'open') openItems.push(id);
    return openItems;
  };
  const nearMissesOf = (world: Snapshot, conditions: Records['conditions']): Records['nearMisses'] => {
    const nearMisses: Record<string, Immutable<NearMissSeen>> = {};
    for (const id of Object.keys(world.nearMisses)) {
      const nm = world.nearMisses[id];
      if (nm) nearMisses[id] = { ...nm, conditionId: conditions[nm.conditionId] ? nm.conditionId : null };
    }
    return nearMisses;
  };
  const recordsOf = (world: Snapshot): Records => {
    const conditions = conditionsOf(world);
    return {
      ...incidentsOf(world),
      openIncidents: [],
      conditions,
      ...retrosOf(world),
      nearMisses: nearMissesOf(world, conditions),
      openItems: itemsOf(world),
    };
  };

  let kept: { events: number; records: Records } | null = null;
  const recordsNow = (world: Snapshot): Records => {
    const events = eventCount(world);
    if (!kept || events < kept.events || events - kept.events > 64) kept = { events, records: recordsOf(world) };
    else if (events > kept.events) {
      const parts = new Set<Part>();
      for (const e of eventsSince(world, kept.events)) for (const p of CHANGES[e.type] ?? []) parts.add(p);
      const r = kept.records;
      if (parts.has('conditions')) {
        r.conditions = conditionsOf(world);
        // What is known decides what incidents and near misses may name.
        parts.add('incidents');
        parts.add('nearMisses');
      }
      if (parts.has('incidents')) Object.assign(r, incidentsOf(world));
      if (parts.has('retros')) Object.assign(r, retrosOf(world));
      if (parts.has('nearMisses')) r.nearMisses = nearMissesOf(world, r.conditions);
      if (parts.has('items')) r.openItems = itemsOf(world);
      kept = { events, records: r };
    }
    // Open incidents burn on minute by minute, events or not: looked at anew each time.
    const r = kept.records;
    const open: string[] = [];
    for (const id of world.openIncidents) {
      const inc = world.incidents[id];
      if (!inc || !Object.hasOwn(r.incidents, id)) continue;
      r.incidents[id] = incidentSeen(world, inc);
      open.push(id);
    }
    r.openIncidents = open;
    return r;
  };

  return (world) => {
    const records = recordsNow(world);
    const { incidents, incidentOrder, openIncidents, conditions, retros, nearMisses } = records;
    const view: PlayerView = {
      now: world.now,
      weeks: world.weeks,
      scenarioId: world.scenarioId,
      scenarioName: world.scenarioName,
      ownership: world.ownership,
      customerTrust: world.customerTrust,
      delegated: world.delegated === true,
      lost: world.lost ?? null,
      services: world.services,
      serviceOrder: world.serviceOrder,
      teams: world.teams,
      teamOrder: world.teamOrder,
      engineers: world.engineers,
      engineerOrder: world.engineerOrder,
      rotation: world.rotation,
      siteOffsets: world.siteOffsets,
      incidents,
      incidentOrder,
      openIncidents,
      conditions,
      retros,
      actionItems: world.actionItems,
      nearMisses,
      awaitingRetro: records.awaitingRetro,
      unpublishedRetros: records.unpublishedRetros,
      openItems: records.openItems,
      peaks: (world.peaks ?? []).filter((p) => p.announceAt <= world.now),
      investments: world.investments,
      offers: offersSeen(world),
      can(command) {
        const unseen = unseenIn(view, command);
        return unseen ? { ok: false, reason: unseen } : checkCommand(world, asGivenBy(command, 'player'));
      },
    };
    return Object.freeze(view);
  };
}

/** The player's view of a world at this minute (one look; a bot that looks often keeps `playerEyes`). */
export function playerView(world: Snapshot): PlayerView {
  return playerEyes()(world);
}
