import type { Presence } from '@colyseus/core';
import type { Rate } from './tokenBucket';

/** How long a process counts as alive after it last said so (it says so every third of that). */
export const ALIVE_SECONDS = 15;
/** An address's counts are forgotten after a day without a connection opening or closing. */
const COUNTS_SECONDS = 24 * 3600;

const aliveKey = (processId: string) => `firepants:alive:${processId}`;
const countsKey = (address: string) => `firepants:connections:${address}`;

/**
 * Open connections per address, capped over every process of the event: the count lives in the presence
 * (Redis when scaled out), one field per process, so the next connection over the cap is refused whichever
 * process it reaches. A connection is counted before the total is read, and taken back when it was one too
 * many, so two processes admitting at once can both refuse but never both let the cap be passed. A process
 * says it is alive every few seconds; the counts of a process that stopped saying so (killed, crashed) are
 * left out of the total and deleted, so they lapse within `ALIVE_SECONDS`.
 */
export class ConnectionsByAddress {
  /** This process's open connections per address, as it last told the presence. */
  private readonly mine = new Map<string, number>();
  /** Whether another process was alive, and when that was read (read again after two seconds). */
  private readonly others = new Map<string, { alive: boolean; at: number }>();
  private readonly beat: NodeJS.Timeout;
  private beatAt = 0;

  /** `processIdOf` names this process (the room library names it once its server is made, just after this). */
  constructor(
    private readonly presence: Presence,
    private readonly processIdOf: () => string,
    readonly cap: number,
  ) {
    setImmediate(() => void this.heartbeat());
    this.beat = setInterval(() => void this.heartbeat(), (ALIVE_SECONDS * 1000) / 3);
    this.beat.unref();
  }

  /** Counts a new connection, or says no (taking it back) when the address is at its cap. */
  async admit(address: string): Promise<boolean> {
    this.mine.set(address, (this.mine.get(address) ?? 0) + 1);
    await this.presence.hincrbyex(countsKey(address), this.processId, 1, COUNTS_SECONDS);
    if ((await this.count(address)) <= this.cap) return true;
    this.release(address);
    return false;
  }

  release(address: string): void {
    const n = (this.mine.get(address) ?? 1) - 1;
    if (n <= 0) this.mine.delete(address);
    else this.mine.set(address, n);
    void this.presence.hincrbyex(countsKey(address), this.processId, -1, COUNTS_SECONDS).catch(() => undefined);
  }

  /** The address's open connections on every live process. */
  async count(address: string): Promise<number> {
    const fields = (await this.presence.hgetall(countsKey(address))) ?? {};
    let total = 0;
    for (const [processId, value] of Object.entries(fields)) {
      if (processId !== this.processId && !(await this.alive(processId))) {
        void this.presence.hdel(countsKey(address), processId);
        continue;
      }
      total += Math.max(0, Number(value) || 0);
    }
    return total;
  }

  /** This process's own open connections from the address. */
  countHere(address: string): number {
    return this.mine.get(address) ?? 0;
  }

  private get processId(): string {
    return this.processIdOf();
  }

  stop(): void {
    clearInterval(this.beat);
  }

  private async alive(processId: string): Promise<boolean> {
    const now = Date.now();
    const known = this.others.get(processId);
    if (known && now - known.at < 2000) return known.alive;
    const alive = await this.presence.exists(aliveKey(processId));
    this.others.set(processId, { alive, at: now });
    if (this.others.size > 1000) for (const [id, o] of this.others) if (now - o.at > 60_000) this.others.delete(id);
    return alive;
  }

  /**
   * Says this process is alive. When it had been silent too long (stopped in a debugger, a stalled machine),
   * others may have deleted its counts as a dead process's: it writes them again.
   */
  private async heartbeat(): Promise<void> {
    const now = Date.now();
    const lapsed = this.beatAt > 0 && now - this.beatAt >= ALIVE_SECONDS * 1000;
    this.beatAt = now;
    try {
      await this.presence.setex(aliveKey(this.processId), '1', ALIVE_SECONDS);
      if (lapsed)
        for (const [address, n] of this.mine) {
          await this.presence.hset(countsKey(address), this.processId, String(n));
          await this.presence.expire(countsKey(address), COUNTS_SECONDS);
        }
    } catch {
      // Redis is away for a moment: the next beat tries again
    }
  }
}

const bucketKey = (name: string, key: string) => `firepants:bucket:${name}:${key}`;

/**
 * Token buckets by key (an address) kept in the presence, so every process spends from the same one: `burst`
 * at first, then `perSecond` back. A bucket is the tokens spent since it was first drawn on, and when that
 * was. A take counts itself first and gives its token back when there was none, so processes taking at once
 * may both be refused but never both overdraw; tokens beyond a full bucket are spent at once, so none are
 * saved up. A bucket nobody draws on is forgotten once it would be full again.
 */
export class SharedBuckets {
  private readonly idleSeconds: number;
  /**
   * When each bucket this process found empty earns its next token: until then it is refused here without
   * asking the presence (no process can put a token back, so none can be there sooner).
   */
  private readonly emptyUntil = new Map<string, number>();

  constructor(
    private readonly presence: Presence,
    private readonly name: string,
    private readonly rate: Rate,
  ) {
    this.idleSeconds = Math.ceil(rate.burst / rate.perSecond) + 1;
  }

  async take(key: string, now = Date.now()): Promise<boolean> {
    const until = this.emptyUntil.get(key);
    if (until !== undefined) {
      if (now < until) return false;
      this.emptyUntil.delete(key);
    }
    const k = bucketKey(this.name, key);
    const spent = await this.presence.hincrbyex(k, 'spent', 1, this.idleSeconds);
    let since = Number(await this.presence.hget(k, 'since'));
    if (!since) {
      since = now;
      await this.presence.hset(k, 'since', String(now));
    }
    const earned = Math.floor(((now - since) / 1000) * this.rate.perSecond);
    if (spent > this.rate.burst + earned) {
      await this.presence.hincrby(k, 'spent', -1);
      this.emptyUntil.set(key, since + Math.ceil(((earned + 1) * 1000) / this.rate.perSecond));
      if (this.emptyUntil.size > 10_000) for (const [a, u] of this.emptyUntil) if (u <= now) this.emptyUntil.delete(a);
      return false;
    }
    // Before this take the bucket held `burst + earned - spent + 1`: what is over `burst` was never there.
    const over = earned - spent + 1;
    if (over > 0) await this.presence.hincrby(k, 'spent', over);
    return true;
  }
}
