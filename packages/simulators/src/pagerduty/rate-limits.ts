// PagerDuty's REST rate limit: a per-key budget per minute (960 for an account key), announced
// on every response as `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` (seconds
// until the window resets), and a 429 with the standard error body once spent. The Events API
// has its own budget per integration key. Both read the simulator clock.

export type RateLimitOptions = {
  /** REST requests per window per key (default 960). */
  perMinute?: number;
  /** Window length in seconds (default 60). */
  windowSeconds?: number;
  /** Events API v2 events per window per routing key (default 120). */
  eventsPerMinute?: number;
};

export type Snapshot = { limit: number; remaining: number; resetSeconds: number };
type Bucket = { used: number; resetAt: number };

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();
  private readonly overrides = new Map<string, number>();
  options: Required<RateLimitOptions>;

  constructor(
    options: RateLimitOptions,
    private readonly nowMs: () => number,
  ) {
    this.options = { perMinute: options.perMinute ?? 960, windowSeconds: options.windowSeconds ?? 60, eventsPerMinute: options.eventsPerMinute ?? 120 };
  }

  configure(options: RateLimitOptions): void {
    this.options = { ...this.options, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
  }

  limit(key: string): number {
    return this.overrides.get(key) ?? (key.startsWith("events:") ? this.options.eventsPerMinute : this.options.perMinute);
  }

  private bucket(key: string): Bucket {
    const now = this.nowMs();
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { used: 0, resetAt: now + this.options.windowSeconds * 1000 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  snapshot(key: string): Snapshot {
    const bucket = this.bucket(key);
    const limit = this.limit(key);
    return { limit, remaining: Math.max(0, limit - bucket.used), resetSeconds: Math.max(1, Math.ceil((bucket.resetAt - this.nowMs()) / 1000)) };
  }

  /** Spends one request if the budget allows; otherwise spends nothing. */
  charge(key: string): { ok: boolean; snapshot: Snapshot } {
    const bucket = this.bucket(key);
    if (bucket.used >= this.limit(key)) return { ok: false, snapshot: this.snapshot(key) };
    bucket.used += 1;
    return { ok: true, snapshot: this.snapshot(key) };
  }

  /** Test hook: leaves exactly `remaining` requests in the current window. */
  setRemaining(key: string, remaining: number): void {
    this.bucket(key).used = Math.max(0, this.limit(key) - remaining);
  }

  setLimit(key: string, limit: number | null): void {
    if (limit === null) this.overrides.delete(key);
    else this.overrides.set(key, limit);
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function rateLimitHeaders(snapshot: Snapshot): Record<string, string> {
  return { "ratelimit-limit": String(snapshot.limit), "ratelimit-remaining": String(snapshot.remaining), "ratelimit-reset": String(snapshot.resetSeconds) };
}
