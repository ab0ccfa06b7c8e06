import { createHash, randomBytes } from 'node:crypto';
import type { SeatRequest } from '../src/protocol/table';
import { holdsRole, ROLE_TITLES, type Seat } from '../src/round/seats';
import type { KeptSeat } from './tableStore';

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export type Claim = { ok: true; seat: Seat; token: string; kept: KeptSeat | null } | { ok: false; reason: string };

/**
 * A table's seats, each owned by the secret token given to the screen that first took it. A screen that
 * brings the token back gets its seat again (after a drop, a reload or a restart of the server); anyone
 * else asking for a name already at the table, or for a role someone holds, is refused.
 */
export class TableSeats {
  private readonly held: KeptSeat[];
  /** Which seat each connected screen sits in. */
  private readonly bySession = new Map<string, KeptSeat>();

  constructor(kept: readonly KeptSeat[]) {
    this.held = [...kept];
  }

  claim(request: Required<Pick<SeatRequest, 'player' | 'role'>> & { token?: string | undefined }): Claim {
    if (request.token) {
      const key = keyOf(request.token);
      const mine = this.held.find((s) => s.key === key);
      if (mine) return { ok: true, seat: { player: mine.player, role: mine.role }, token: request.token, kept: null };
    }
    const name = this.held.find((s) => sameName(s.player, request.player));
    if (name)
      return { ok: false, reason: `someone called ${name.player} already sits at this table: choose another name` };
    const role = request.role !== 'spectator' ? this.held.find((s) => s.role === request.role) : undefined;
    if (role && holdsRole(role))
      return { ok: false, reason: `${role.player} already sits as ${ROLE_TITLES[role.role]}: choose another seat` };
    const token = randomBytes(24).toString('base64url');
    const kept: KeptSeat = { player: request.player, role: request.role, key: keyOf(token) };
    return { ok: true, seat: { player: kept.player, role: kept.role }, token, kept };
  }

  /** A screen sits down in a claimed seat (a new seat is held from now on). */
  sit(sessionId: string, seat: Seat, kept: KeptSeat | null): void {
    if (kept) this.held.push(kept);
    const held = this.held.find((s) => s.player === seat.player);
    if (held) this.bySession.set(sessionId, held);
  }

  /** A screen left: its seat stays held (it may come back) unless it left on purpose. Returns a freed name. */
  leave(sessionId: string, onPurpose: boolean): string | null {
    const seat = this.bySession.get(sessionId);
    this.bySession.delete(sessionId);
    if (!seat || !onPurpose) return null;
    if ([...this.bySession.values()].includes(seat)) return null;
    this.held.splice(this.held.indexOf(seat), 1);
    return seat.player;
  }

  of(sessionId: string): Seat | null {
    const s = this.bySession.get(sessionId);
    return s ? { player: s.player, role: s.role } : null;
  }

  /** The other sessions sitting in the same seat as this one (an older screen of the same player). */
  othersIn(sessionId: string): string[] {
    const seat = this.bySession.get(sessionId);
    return [...this.bySession.entries()].filter(([id, s]) => s === seat && id !== sessionId).map(([id]) => id);
  }

  /** Everyone at the table, connected or not. */
  all(): Seat[] {
    return this.held.map((s) => ({ player: s.player, role: s.role }));
  }

  holderOf(role: Seat['role']): Seat | null {
    const s = this.held.find((x) => x.role === role);
    return s ? { player: s.player, role: s.role } : null;
  }
}
