import type { SilentReport } from '../sim';
import {
  allEventsOf,
  type CommandType,
  isCommandEntry,
  type LogEntry,
  type Role,
  type SimEvent,
  type Snapshot,
  scoreCard,
} from '../sim';
import { answered, type Reflection } from './reflection';

/** What a table's results are made of. Filled in one place (`resultsInputOf`), so new terms are wired once. */
export interface ResultsInput {
  score: number;
  /** What a never-learning team scores on the same luck; null until the game computes it. */
  par: number | null;
  /** Incidents this table had (facilitator and guided fires count here and in the replay alike). */
  incidents: number;
  /** Incidents the never-learning replay had on the same luck. */
  replayIncidents: number;
  /** Net silent successes: replay incidents that did not happen here because of what was learned. */
  silentSuccesses: number;
}

export interface ResultsExport extends ResultsInput {
  kind: 'firepants-results';
  version: 1;
  table: string;
  setupLink: string;
  scenario: { id: string; name: string };
  seed: number;
  weeks: number;
  /** Player decisions by command, counted from the events they leave in the log. */
  decisions: Partial<Record<CommandType, number>>;
  /** At a table with named roles: how many decisions each player made in each role. */
  byRole?: RoleTally[];
  /** The table's before-and-after answers, when it gave any. */
  reflection?: Reflection;
  exportedAt: string;
}

export interface RoleTally {
  player: string;
  role: Role;
  decisions: number;
}

/** Decisions credited to each player and role in the round's log, most first. */
export function tallyByRole(entries: readonly LogEntry[]): RoleTally[] {
  const out: RoleTally[] = [];
  for (const e of entries) {
    if (!isCommandEntry(e) || !e.seat) continue;
    const seat = e.seat;
    const row = out.find((r) => r.player === seat.player && r.role === seat.role);
    if (row) row.decisions += 1;
    else out.push({ player: seat.player, role: seat.role, decisions: 1 });
  }
  return out.sort((a, b) => b.decisions - a.decisions).slice(0, 18);
}

/** Today's sources of the results: the score card and the replay comparison. */
export function resultsInputOf(s: Snapshot, silent: SilentReport | null, par: number | null = null): ResultsInput {
  return {
    score: Math.round(scoreCard(s).score * 10) / 10,
    par: par === null ? null : Math.round(par * 10) / 10,
    incidents: silent?.incidents ?? s.totals.incidents,
    replayIncidents: silent?.replayIncidents ?? 0,
    silentSuccesses: silent?.net ?? 0,
  };
}

/**
 * The command behind an event, when only a player's decision produces it. Acknowledgements are left out (a paged
 * engineer also answers on their own), and so are rotation and focus changes, which leave no event.
 */
export function decisionOf(e: SimEvent): CommandType | null {
  switch (e.type) {
    case 'escalated':
      return e.reason === 'secondary' ? 'pageSecondary' : e.reason === 'expert' ? 'escalateToExpert' : null;
    case 'team-pulled-in':
      return 'pullInTeam';
    case 'role-assigned':
      return 'assignRole';
    case 'status-posted':
      return 'postStatus';
    case 'mitigation-started':
      return 'mitigate';
    case 'investigation-started':
      return 'investigate';
    case 'delegation-changed':
      return 'delegateResponse';
    case 'handoff':
      return 'handOff';
    case 'retro-scheduled':
      return 'scheduleRetro';
    case 'retro-step':
      return 'advanceRetro';
    case 'retro-depth':
      return 'interview';
    case 'retro-framed':
      return 'frameRetro';
    case 'action-item-filed':
      return 'fileActionItem';
    case 'retro-published':
      return 'publishRetro';
    case 'near-miss-reviewed':
      return 'reviewNearMiss';
    case 'drill':
      return 'runDrill';
    case 'shadowing':
      return 'setShadow';
    case 'ownership-changed':
      return 'setOwnership';
    case 'incident-started':
      return e.injected ? 'injectIncident' : null;
    case 'investment-chosen':
      return 'chooseInvestment';
    // What the world does on its own: a new kind of event must say here whether a decision produced it.
    case 'fire-held':
    case 'incident-detected':
    case 'page-rerouted':
    case 'paged':
    case 'acknowledged':
    case 'investigating':
    case 'diagnosed':
    case 'clue-found':
    case 'clues-lost':
    case 'mitigation-finished':
    case 'severity-rose':
    case 'spread':
    case 'incident-mitigated':
    case 'incident-resolved':
    case 'deploy':
    case 'near-miss':
    case 'factor-surfaced':
    case 'action-item-closed':
    case 'action-item-stale':
    case 'burnout':
    case 'hired':
    case 'peak-announced':
    case 'peak-started':
    case 'round-lost':
    case 'round-over':
      return null;
  }
}

export function decisionsIn(events: readonly SimEvent[]): Partial<Record<CommandType, number>> {
  const out: Partial<Record<CommandType, number>> = {};
  for (const e of events) {
    const d = decisionOf(e);
    if (d) out[d] = (out[d] ?? 0) + 1;
  }
  return out;
}

/** A table name safe for a file name: letters, digits and dashes. */
export function tableSlug(table: string): string {
  const slug = table
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return slug || 'table';
}

const two = (n: number) => String(n).padStart(2, '0');

/** firepants-<table>-<scenario>-seed<seed>-<yyyymmdd-hhmm>.json, in UTC so tables in one room agree. */
export function resultsFileName(r: Pick<ResultsExport, 'table' | 'scenario' | 'seed'>, at: Date): string {
  const stamp = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}-${two(at.getUTCHours())}${two(at.getUTCMinutes())}`;
  return `firepants-${tableSlug(r.table)}-${r.scenario.id}-seed${r.seed}-${stamp}.json`;
}

export function buildResults(
  s: Snapshot,
  input: ResultsInput,
  extra: {
    table: string;
    setupLink: string;
    scenarioName: string;
    at: Date;
    entries?: readonly LogEntry[];
    reflection?: Reflection;
  },
): ResultsExport {
  const byRole = tallyByRole(extra.entries ?? []);
  return {
    kind: 'firepants-results',
    version: 1,
    table: extra.table.trim().slice(0, 60) || 'Table',
    setupLink: extra.setupLink,
    scenario: { id: s.scenarioId, name: extra.scenarioName },
    seed: s.seed,
    weeks: s.weeks,
    ...input,
    decisions: decisionsIn(allEventsOf(s)),
    ...(byRole.length > 0 ? { byRole } : {}),
    ...(extra.reflection && answered(extra.reflection) ? { reflection: extra.reflection } : {}),
    exportedAt: extra.at.toISOString(),
  };
}
