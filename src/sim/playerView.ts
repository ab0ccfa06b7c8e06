import type { Immutable } from 'immer';
import { type Command, type CommandResult, checkCommand } from './commands';
import { asGivenBy } from './inputLog';
import type { Snapshot } from './model/snapshot';
import type { Incident, InvestmentOffer, LatentCondition, NearMiss, Retro } from './model/types';
import { eventCount } from './model/world';
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

/** What the view shows of incidents, weaknesses, retros and near misses at one look. */
interface Records {
  incidents: Record<string, Immutable<IncidentSeen>>;
  incidentOrder: string[];
  openIncidents: string[];
  conditions: Record<string, Immutable<LatentCondition>>;
  retros: Record<string, Immutable<Retro>>;
  nearMisses: Record<string, Immutable<NearMissSeen>>;
}

/**
 * A player's eyes on one round: the view of its world at any minute. What can no longer change — a
 * resolved incident (until a retro is scheduled for it or its weakness becomes known), a published retro,
 * the week's offers — is projected once and kept, so a bot looking every few minutes costs little.
 *
 * The world logs an event whenever anything shown here changes, except an incident still open (which
 * burns on minute by minute): so while the event count stands still, the weaknesses, retros and near
 * misses shown last time are shown again, and the incidents too while none is open. A test compares
 * these kept views with fresh ones at every look of many rounds.
 */
export function playerEyes(): (world: Snapshot) => PlayerView {
  const resolved = new Map<string, { retroId: string | null; known: boolean; seen: Immutable<IncidentSeen> }>();
  const published = new Map<string, Immutable<Retro>>();
  let offers: { week: number; list: readonly Immutable<InvestmentOffer>[] } | null = null;

  const incidentSeen = (world: Snapshot, inc: Immutable<Incident>): Immutable<IncidentSeen> => {
    const known = world.conditions[inc.conditionId]?.revealed === true;
    const kept = resolved.get(inc.id);
    if (kept && kept.retroId === inc.retroId && kept.known === known) return kept.seen;
    const { kind: _k, conditionId, detectAt: _d, detectVia: _v, ackDueAt: _a, ...rest } = inc;
    const seen = Object.freeze({ ...rest, conditionId: known ? conditionId : null }) as Immutable<IncidentSeen>;
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

  const incidentsOf = (world: Snapshot): Pick<Records, 'incidents' | 'incidentOrder' | 'openIncidents'> => {
    const incidents: Record<string, Immutable<IncidentSeen>> = {};
    const incidentOrder: string[] = [];
    for (const id of world.incidentOrder) {
      const inc = world.incidents[id];
      if (!inc || inc.phase === 'undetected') continue;
      incidents[id] = incidentSeen(world, inc);
      incidentOrder.push(id);
    }
    const openIncidents = world.openIncidents.filter((id) => Object.hasOwn(incidents, id));
    return { incidents, incidentOrder, openIncidents };
  };
  const recordsOf = (world: Snapshot): Records => {
    const conditions: Record<string, Immutable<LatentCondition>> = {};
    for (const id of Object.keys(world.conditions)) {
      const c = world.conditions[id];
      if (c?.revealed) conditions[id] = c;
    }
    const retros: Record<string, Immutable<Retro>> = {};
    for (const id of Object.keys(world.retros)) {
      const r = world.retros[id];
      if (r) retros[id] = retroSeen(r);
    }
    const nearMisses: Record<string, Immutable<NearMissSeen>> = {};
    for (const id of Object.keys(world.nearMisses)) {
      const nm = world.nearMisses[id];
      if (nm) nearMisses[id] = { ...nm, conditionId: conditions[nm.conditionId] ? nm.conditionId : null };
    }
    return { ...incidentsOf(world), conditions, retros, nearMisses };
  };
  let kept: { events: number; records: Records } | null = null;
  const recordsNow = (world: Snapshot): Records => {
    const events = eventCount(world);
    if (kept?.events !== events) kept = { events, records: recordsOf(world) };
    else if (world.openIncidents.length > 0 || kept.records.openIncidents.length > 0)
      kept = { events, records: { ...kept.records, ...incidentsOf(world) } };
    return kept.records;
  };

  return (world) => {
    const { incidents, incidentOrder, openIncidents, conditions, retros, nearMisses } = recordsNow(world);
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
