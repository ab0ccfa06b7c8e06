/** A budget that refills with time: `burst` at most, `perSecond` back each second. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** One token bucket. `now` is in milliseconds (tests pass their own). */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    now = Date.now(),
  ) {
    this.tokens = rate.burst;
    this.at = now;
  }

  /** Takes one token when there is one. */
  take(now = Date.now()): boolean {
    return this.spend(1, now);
  }

  /** Takes `cost` tokens when there are that many (a message's bytes, say). */
  spend(cost: number, now = Date.now()): boolean {
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.at) / 1000) * this.rate.perSecond);
    this.at = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether the bucket is full again (so its owner can be forgotten). */
  full(now = Date.now()): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.rate.perSecond >= this.rate.burst;
  }
}

/**
 * Token buckets by key (an address, say), forgetting full ones now and then so that the map stays as small
 * as the set of keys that spent something lately.
 */
export class BucketsByKey {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt = Date.now();

  constructor(private readonly rate: Rate) {}

  take(key: string, now = Date.now()): boolean {
    if (now - this.sweptAt > 60_000) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.rate, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
  }
}
