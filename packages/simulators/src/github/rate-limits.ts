// GitHub's two kinds of rate limit, as documented (fixtures/github/README.md "Rate limits"):
// a primary hourly budget per token / installation / IP, visible in x-ratelimit-* headers, and
// secondary limits (concurrency, points per minute per endpoint) that answer 403/429 with
// retry-after. Both read the simulator clock so tests can jump past a reset.

export type Resource = "core" | "graphql" | "search" | "code_search" | "integration_manifest";
export const RESOURCES: Resource[] = ["core", "graphql", "search", "code_search", "integration_manifest"];

export type RateLimitOptions = {
  /** Requests per hour for a token or installation (default 5,000, as GitHub). */
  core?: number;
  /** GraphQL points per hour (default 5,000). */
  graphql?: number;
  /** Unauthenticated requests per hour per IP (default 60). */
  anonymous?: number;
  windowSeconds?: number;
};

export type Snapshot = { limit: number; used: number; remaining: number; reset: number };
type Bucket = { used: number; reset: number };

export class PrimaryLimits {
  private readonly buckets = new Map<string, Bucket>();
  private readonly overrides = new Map<string, number>();

  constructor(
    private options: Required<RateLimitOptions>,
    private readonly nowMs: () => number,
  ) {}

  configure(options: RateLimitOptions): void {
    this.options = { ...this.options, ...options };
  }

  limit(principalKey: string, resource: Resource): number {
    const override = this.overrides.get(`${principalKey}:${resource}`);
    if (override !== undefined) return override;
    if (principalKey.startsWith("anonymous")) return resource === "core" ? this.options.anonymous : 0;
    if (resource === "graphql") return this.options.graphql;
    if (resource === "search") return 30;
    if (resource === "code_search") return 10;
    return this.options.core;
  }

  private bucket(principalKey: string, resource: Resource): Bucket {
    const now = Math.floor(this.nowMs() / 1000);
    const key = `${principalKey}:${resource}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.reset) {
      bucket = { used: 0, reset: now + this.options.windowSeconds };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  snapshot(principalKey: string, resource: Resource): Snapshot {
    const bucket = this.bucket(principalKey, resource);
    const limit = this.limit(principalKey, resource);
    return { limit, used: bucket.used, remaining: Math.max(0, limit - bucket.used), reset: bucket.reset };
  }

  /** Spends `cost` when the budget allows; otherwise spends nothing and reports exhaustion. */
  charge(principalKey: string, resource: Resource, cost: number): { ok: boolean; snapshot: Snapshot } {
    const bucket = this.bucket(principalKey, resource);
    const limit = this.limit(principalKey, resource);
    if (bucket.used + cost > limit) return { ok: false, snapshot: this.snapshot(principalKey, resource) };
    bucket.used += cost;
    return { ok: true, snapshot: this.snapshot(principalKey, resource) };
  }

  /** Test hook: leaves exactly `remaining` in the current window. */
  setRemaining(principalKey: string, resource: Resource, remaining: number): void {
    const bucket = this.bucket(principalKey, resource);
    bucket.used = Math.max(0, this.limit(principalKey, resource) - remaining);
  }

  setLimit(principalKey: string, resource: Resource, limit: number | null): void {
    if (limit === null) this.overrides.delete(`${principalKey}:${resource}`);
    else this.overrides.set(`${principalKey}:${resource}`, limit);
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function rateLimitHeaders(snapshot: Snapshot, resource: Resource): Record<string, string> {
  return {
    "x-ratelimit-limit": String(snapshot.limit),
    "x-ratelimit-remaining": String(snapshot.remaining),
    "x-ratelimit-reset": String(snapshot.reset),
    "x-ratelimit-used": String(snapshot.used),
    "x-ratelimit-resource": resource,
  };
}

export type SecondaryLimitOptions = {
  /** Concurrent requests per principal before GitHub pushes back (documented: 100). */
  maxConcurrent?: number;
  /** Points per minute per REST endpoint (documented: 900; GET = 1 point, writes = 5). */
  restPointsPerMinute?: number;
  /** Points per minute on /graphql (documented: 2,000; a query = 1 point, a mutation = 5). */
  graphqlPointsPerMinute?: number;
  /** GitHub answers with either; 403 is the common one. */
  status?: 403 | 429;
  retryAfterSeconds?: number;
};

export const SECONDARY_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";

export class SecondaryLimits {
  private readonly inflight = new Map<string, number>();
  private readonly windows = new Map<string, { entries: { at: number; points: number }[]; total: number }>();
  /** Once tripped, a principal stays limited until retry-after passes, as on GitHub. */
  private readonly blockedUntil = new Map<string, number>();
  options: Required<SecondaryLimitOptions> | null;

  constructor(
    options: SecondaryLimitOptions | false | undefined,
    private readonly nowMs: () => number,
  ) {
    this.options = options === false ? null : withDefaults(options);
  }

  configure(options: SecondaryLimitOptions | false): void {
    this.options = options === false ? null : withDefaults({ ...(this.options ?? {}), ...options });
  }

  /** Counts a request in; reports whether it pushes the principal over the concurrency limit. */
  enter(principalKey: string): boolean {
    const count = (this.inflight.get(principalKey) ?? 0) + 1;
    this.inflight.set(principalKey, count);
    return this.options !== null && count > this.options.maxConcurrent;
  }

  leave(principalKey: string): void {
    const count = (this.inflight.get(principalKey) ?? 1) - 1;
    if (count <= 0) this.inflight.delete(principalKey);
    else this.inflight.set(principalKey, count);
  }

  isBlocked(principalKey: string): number | null {
    const until = this.blockedUntil.get(principalKey);
    if (until === undefined) return null;
    const now = this.nowMs();
    if (now >= until) {
      this.blockedUntil.delete(principalKey);
      return null;
    }
    return Math.ceil((until - now) / 1000);
  }

  block(principalKey: string): number {
    const seconds = this.options?.retryAfterSeconds ?? 60;
    this.blockedUntil.set(principalKey, this.nowMs() + seconds * 1000);
    return seconds;
  }

  /** Adds the request's points to its endpoint window; true when that crosses the per-minute limit. */
  spend(principalKey: string, endpoint: string, graphql: boolean, points: number): boolean {
    if (!this.options) return false;
    const key = `${principalKey} ${endpoint}`;
    const now = this.nowMs();
    const window = this.windows.get(key) ?? { entries: [], total: 0 };
    while (window.entries.length > 0 && window.entries[0]!.at <= now - 60_000) window.total -= window.entries.shift()!.points;
    window.entries.push({ at: now, points });
    window.total += points;
    this.windows.set(key, window);
    return window.total > (graphql ? this.options.graphqlPointsPerMinute : this.options.restPointsPerMinute);
  }

  reset(): void {
    this.windows.clear();
    this.blockedUntil.clear();
  }
}

function withDefaults(options: SecondaryLimitOptions = {}): Required<SecondaryLimitOptions> {
  return {
    maxConcurrent: options.maxConcurrent ?? 100,
    restPointsPerMinute: options.restPointsPerMinute ?? 900,
    graphqlPointsPerMinute: options.graphqlPointsPerMinute ?? 2000,
    status: options.status ?? 403,
    retryAfterSeconds: options.retryAfterSeconds ?? 60,
  };
}
