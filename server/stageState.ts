import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Presence } from '@colyseus/core';
import type { PhaseTimer } from '../src/protocol/facilitator';
import type { ProjectedTable } from '../src/protocol/projector';

const TIMER = 'firepants:timer';
const FINAL = 'firepants:final';

/**
 * What the console puts up for the room and the projector shows: the venue's addresses, the phase timer and,
 * once the session ends, its final ranking. Kept in the presence, so every process of the event agrees.
 */
export class StageState {
  private readonly key: string;

  constructor(
    private readonly presence: Presence,
    secret: string,
    /** The server's addresses as the venue reaches them, the one to give out first. */
    readonly addresses: readonly string[],
  ) {
    this.key = createHmac('sha256', secret).update('projector').digest('base64url').slice(0, 22);
  }

  /** The key in the projector's link (only consoles are told it). */
  projectorKey(): string {
    return this.key;
  }

  keyFits(shown: unknown): boolean {
    if (typeof shown !== 'string') return false;
    const a = Buffer.from(shown);
    const b = Buffer.from(this.key);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async timer(): Promise<PhaseTimer | null> {
    const raw = (await this.presence.get(TIMER)) as string | null;
    const timer = raw ? (JSON.parse(raw) as PhaseTimer) : null;
    return timer && timer.endsAt > Date.now() - 60 * 60_000 ? timer : null;
  }

  async setTimer(label: string, seconds: number | undefined): Promise<PhaseTimer | null> {
    if (!seconds) {
      await this.presence.del(TIMER);
      return null;
    }
    const timer: PhaseTimer = { label, endsAt: Date.now() + seconds * 1000 };
    await this.presence.set(TIMER, JSON.stringify(timer));
    return timer;
  }

  /** The ranking of the session that ended last (cleared when new tables are set up). */
  async final(): Promise<ProjectedTable[] | null> {
    const raw = (await this.presence.get(FINAL)) as string | null;
    return raw ? (JSON.parse(raw) as ProjectedTable[]) : null;
  }

  async setFinal(tables: ProjectedTable[] | null): Promise<void> {
    if (tables) await this.presence.set(FINAL, JSON.stringify(tables));
    else await this.presence.del(FINAL);
  }
}
