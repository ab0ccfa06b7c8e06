import { Redis } from 'ioredis';
import { foldTable, type KeptTable, parseLines, type TableLine, type TableSetup, type TableStore } from './tableStore';

const OPEN = 'firepants:tables';
const lines = (code: string) => `firepants:table:${code}`;
const owner = (code: string) => `firepants:owner:${code}`;

/** How long a process's claim on a table lasts without being renewed. */
export const CLAIM_MS = 15_000;

const RENEW =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Tables kept in Redis, where any process of the event can bring one back: a list of JSON lines per table
 * (its setup first) and a set of the open ones. A process claims a table for a few seconds at a time and
 * renews its claims while it runs, so when it dies another process takes its tables over.
 */
export class RedisTables implements TableStore {
  private readonly redis: Redis;
  private readonly mine = new Set<string>();
  private readonly renewal: NodeJS.Timeout;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    this.renewal = setInterval(() => void this.renew(), CLAIM_MS / 3);
    this.renewal.unref();
  }

  async create(setup: TableSetup): Promise<void> {
    await this.redis.multi().rpush(lines(setup.code), JSON.stringify({ setup })).sadd(OPEN, setup.code).exec();
  }

  keep(code: string, kept: TableLine[]): Promise<void> | undefined {
    if (kept.length === 0) return;
    return this.redis.rpush(lines(code), ...kept.map((l) => JSON.stringify(l))).then(() => undefined);
  }

  async read(code: string): Promise<KeptTable | null> {
    const { setup, lines: kept } = parseLines(await this.redis.lrange(lines(code), 0, -1));
    return setup ? foldTable(setup, kept) : null;
  }

  async open(): Promise<string[]> {
    return this.redis.smembers(OPEN);
  }

  async close(code: string, reason: string): Promise<void> {
    await this.redis
      .multi()
      .rpush(lines(code), JSON.stringify({ closed: reason }))
      .srem(OPEN, code)
      .exec();
  }

  async claim(code: string, by: string): Promise<boolean> {
    const ok = (await this.redis.set(owner(code), by, 'PX', CLAIM_MS, 'NX')) === 'OK';
    if (ok) this.mine.add(`${code} ${by}`);
    return ok;
  }

  async running(code: string): Promise<boolean> {
    return (await this.redis.exists(owner(code))) === 1;
  }

  async release(code: string, by: string): Promise<void> {
    this.mine.delete(`${code} ${by}`);
    await this.redis.eval(RELEASE, 1, owner(code), by);
  }

  private async renew(): Promise<void> {
    for (const claim of this.mine) {
      const [code = '', by = ''] = claim.split(' ');
      await this.redis.eval(RENEW, 1, owner(code), by, String(CLAIM_MS)).catch(() => undefined);
    }
  }

  async shutdown(): Promise<void> {
    clearInterval(this.renewal);
    this.redis.disconnect();
  }
}
