import {
  type Command,
  type CommandType,
  type Credit,
  commandRegistry,
  creditProblem,
  isCommandEntry,
  type LogEntry,
  PLAYER_NAME_MAX,
  ROLES,
  type Role,
  type Snapshot,
} from '../sim';

/** The roles a seat can have: an incident role, or a spectator, who only watches. */
export const SEAT_ROLES = [...ROLES, 'spectator'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/**
 * A seat at a table: a named player and the role they sit in. At one shared screen the players' seats are
 * named on the staffing screen; at a room table each screen takes one. A decision is credited (`Credit`)
 * to the seat holding its role.
 */
export interface Seat {
  player: string;
  role: SeatRole;
}

/** A seat that holds an incident role (not a spectator's). */
export type RoleSeat = Seat & Credit;

export function holdsRole(seat: Seat): seat is RoleSeat {
  return seat.role !== 'spectator';
}

/** A workshop table: three to six people. */
export const MAX_PLAYERS = 6;

/**
 * Whose decision each command is at a table with roles: the commander runs people and escalation,
 * ops the hands-on work, comms what customers hear. Work outside an incident (retros, drills,
 * rotation) belongs to the whole table, and so does answering the pager (the person paged answers; any player
 * may press it). A new command must be placed here or it does not compile.
 */
export const COMMAND_ROLE: Record<CommandType, Role | null> = {
  acknowledge: null,
  assignRole: 'commander',
  pageSecondary: 'commander',
  escalateToExpert: 'commander',
  pullInTeam: 'commander',
  handOff: 'commander',
  mitigate: 'ops',
  investigate: 'ops',
  postStatus: 'comms',
  setOwnership: null,
  setRotation: null,
  setTeamFocus: null,
  scheduleRetro: null,
  advanceRetro: null,
  interview: null,
  frameRetro: null,
  fileActionItem: null,
  publishRetro: null,
  runDrill: null,
  reviewNearMiss: null,
  setShadow: null,
  injectIncident: null,
  delegateResponse: null,
  chooseInvestment: null,
};

export const ROLE_TITLES: Record<Role, string> = { commander: 'Incident commander', ops: 'Ops', comms: 'Comms' };
export const SEAT_TITLES: Record<SeatRole, string> = { ...ROLE_TITLES, spectator: 'Spectator' };

/**
 * The table's players as the setup form or a stored file gives them: names trimmed and cut, blank
 * rows and unknown roles dropped, at most six. Never throws.
 */
export function tidySeats(raw: unknown): RoleSeat[] {
  if (!Array.isArray(raw)) return [];
  const out: RoleSeat[] = [];
  for (const row of raw.slice(0, MAX_PLAYERS * 2)) {
    if (!row || typeof row !== 'object') continue;
    const { player, role } = row as Record<string, unknown>;
    const name = typeof player === 'string' ? player.trim().slice(0, PLAYER_NAME_MAX) : '';
    const seat = { player: name, role };
    if (creditProblem(seat) === null) out.push(seat as RoleSeat);
    if (out.length === MAX_PLAYERS) break;
  }
  return out;
}

/** Who holds a role: the first player seated in it. */
export function holderOf(seats: readonly Seat[], role: Role): RoleSeat | null {
  return seats.filter(holdsRole).find((s) => s.role === role) ?? null;
}

/** The seat a decision is credited to, or none (no players named, or a decision of the whole table). */
export function seatFor(seats: readonly Seat[], command: Command): Credit | undefined {
  const role = COMMAND_ROLE[command.type];
  return role ? (holderOf(seats, role) ?? undefined) : undefined;
}

/** Everyone moves one role on (commander → ops → comms → commander): the table swaps seats between incidents. */
export function rotateSeats(seats: readonly RoleSeat[]): RoleSeat[] {
  return seats.map((s) => ({ ...s, role: ROLES[(ROLES.indexOf(s.role) + 1) % ROLES.length] as Role }));
}

/** "Priya (Incident commander)" */
export function creditText(seat: Seat): string {
  return `${seat.player} (${SEAT_TITLES[seat.role]})`;
}

/** A table decision in words, for the retro and the debrief: "Mitigate: rollback". */
export function decisionWords(s: Snapshot, command: Command): string {
  const label = commandRegistry[command.type].label;
  const person = (id: string) => s.engineers[id]?.name ?? id;
  switch (command.type) {
    case 'mitigate':
      return `${label}: ${command.action}`;
    case 'assignRole':
      return `${ROLE_TITLES[command.role]}: ${person(command.engineer)}`;
    case 'pullInTeam':
      return `${label} ${s.teams[command.team]?.name ?? command.team}`;
    case 'handOff':
      return `${label} to ${person(command.to)}`;
    default:
      return label;
  }
}

/** The decisions the table made on one incident, with whom each is credited to, in order. */
export function decisionsOn(
  s: Snapshot,
  entries: readonly LogEntry[],
  incident: string,
): { at: number; text: string; credit: string | null }[] {
  const out: { at: number; text: string; credit: string | null }[] = [];
  for (const e of entries) {
    if (!isCommandEntry(e) || e.by !== 'player') continue;
    const cmd = e.command as Command & { incident?: string };
    if (cmd.incident !== incident) continue;
    out.push({ at: e.at, text: decisionWords(s, e.command), credit: e.seat ? creditText(e.seat) : null });
  }
  return out;
}
