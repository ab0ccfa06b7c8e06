import type { Minute } from './clock';
import { type Command, type CommandResult, payloadProblem } from './commands';
import { type OwnershipModel, ROLES, type Role } from './model/types';
import type { Scenario } from './scenario/schema';
import type { Simulation } from './simulation';

export const LOG_VERSION = 1;

/**
 * Who gave an input: the table, a bot, the facilitator, the guided first fire, the attract demo,
 * the set-up, the scenario's own scheduled fires, an audience's vote, or the team running incidents it
 * was delegated.
 */
export const INPUT_SOURCES = [
  'player',
  'bot',
  'facilitator',
  'guided',
  'demo',
  'setup',
  'scenario',
  'audience',
  'delegate',
] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

/**
 * The sources from outside the organization: their fires set off real weaknesses and reach both timelines.
 * Everything else — the table, a bot, the team, the audience, the set-up — is the organization itself, and
 * nothing it does reaches the never-learning replay: nothing a player does moves par.
 */
export const OUTSIDE_SOURCES = ['facilitator', 'guided', 'demo', 'scenario'] as const satisfies readonly InputSource[];

export function isOutsideSource(by: InputSource | undefined): boolean {
  return (OUTSIDE_SOURCES as readonly (InputSource | undefined)[]).includes(by);
}

/**
 * A command as its source may give it. A fire from outside sets off a real weakness; a fire from the
 * organization's own side is staged: it burns only in its own timeline and teaches nobody. The round marks
 * it, whatever the command said, so no player can pass a fire of their own off as the facilitator's.
 */
export function asGivenBy(command: Command, by: InputSource | undefined): Command {
  if (command.type !== 'injectIncident') return command;
  const { staged: _, condition, ...fire } = command;
  if (isOutsideSource(by ?? 'facilitator')) return condition === undefined ? fire : { ...fire, condition };
  return { ...fire, staged: true };
}

/** The clock's own inputs: they change no world, but a debrief shows them. */
export const CONTROLS = ['pause', 'resume', 'speed'] as const;
export type Control = (typeof CONTROLS)[number];

/**
 * Who a decision is credited to: a named player and the incident role they held when they made it. An entry
 * keeps it under `seat` (the name the log has always used).
 */
export interface Credit {
  player: string;
  role: Role;
}

/** The longest player name a log keeps. */
export const PLAYER_NAME_MAX = 40;

/** One input, stamped with the simulated minute it was given at (and, at a table with roles, who decided). */
export type LogEntry =
  | { at: Minute; by: InputSource; command: Command; seat?: Credit }
  | { at: Minute; by: InputSource; control: Control; value?: number };

/**
 * A round as scenario + seed + inputs: replaying the entries in order, each at its minute, gives
 * the same world to the last bit. Append-only while the round runs.
 */
export interface InputLog {
  logVersion: typeof LOG_VERSION;
  scenario: Scenario;
  seed: number;
  weeks: number;
  ownership?: OwnershipModel;
  /** Who played, for the reader (a bot's name, or "table"). */
  player?: string;
  entries: LogEntry[];
  /** The minute the round was played to. */
  until: Minute;
  /** The world's hash at `until`, when known. */
  stateHash?: string;
}

export function isCommandEntry(entry: LogEntry): entry is Extract<LogEntry, { command: Command }> {
  return 'command' in entry;
}

/**
 * Wraps a simulation so that every command it accepts is appended to the entries at the current
 * minute. Refused commands change nothing and are not logged.
 */
export function recording(sim: Simulation, entries: LogEntry[], by: InputSource, seat?: Credit): Simulation {
  return {
    ...sim,
    dispatch(command) {
      const result: CommandResult = sim.dispatch(command);
      if (result.ok)
        entries.push(seat ? { at: sim.snapshot().now, by, command, seat } : { at: sim.snapshot().now, by, command });
      return result;
    },
  };
}

/** What is wrong with a credit, naming its field; null when it is well formed. */
export function creditProblem(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'is not an object';
  const seat = raw as Record<string, unknown>;
  if (typeof seat.player !== 'string' || seat.player.trim() === '' || seat.player.length > PLAYER_NAME_MAX)
    return `.player must be a name of 1 to ${PLAYER_NAME_MAX} characters, got ${describe(seat.player)}`;
  if (!(ROLES as readonly unknown[]).includes(seat.role))
    return `.role must be one of ${ROLES.join(', ')}, got ${describe(seat.role)}`;
  return null;
}

/** What is wrong with one entry, naming its field; null when it is well formed. */
export function entryProblem(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'is not an object';
  const e = raw as Record<string, unknown>;
  if (typeof e.at !== 'number' || !Number.isInteger(e.at) || e.at < 0 || e.at > 10_000_000)
    return `.at must be a whole minute from 0, got ${describe(e.at)}`;
  if (e.by !== undefined && !(INPUT_SOURCES as readonly unknown[]).includes(e.by))
    return `.by must be one of ${INPUT_SOURCES.join(', ')}, got ${describe(e.by)}`;
  if ('control' in e) {
    if (!(CONTROLS as readonly unknown[]).includes(e.control))
      return `.control must be one of ${CONTROLS.join(', ')}, got ${describe(e.control)}`;
    if (e.value !== undefined && (typeof e.value !== 'number' || !Number.isFinite(e.value)))
      return `.value must be a number, got ${describe(e.value)}`;
    return null;
  }
  if (!('command' in e)) return 'has neither a command nor a control';
  const bad = payloadProblem(e.command);
  if (bad) return `.command: ${bad}`;
  const seat = e.seat === undefined ? null : creditProblem(e.seat);
  return seat ? `.seat${seat.startsWith('.') ? '' : ' '}${seat}` : null;
}

/**
 * What is wrong with a list of entries, as a path under the list (`[3].command: …`), or null: each entry
 * well formed, in order of minute, none after `until`.
 */
export function entriesProblem(entries: readonly unknown[], until: number): string | null {
  let last = 0;
  for (let i = 0; i < entries.length; i++) {
    const bad = entryProblem(entries[i]);
    if (bad) return `[${i}]${bad.startsWith('.') ? '' : ' '}${bad}`;
    const at = (entries[i] as LogEntry).at;
    if (at < last) return `[${i}] is at minute ${at}, before the entry ahead of it (${last})`;
    last = at;
  }
  return last > until ? `[${entries.length - 1}] is at minute ${last}, after the end (minute ${until})` : null;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v;
}
