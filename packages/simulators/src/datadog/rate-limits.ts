// Datadog's rate limits as documented (fixtures/datadog/README.md "Rate limits"): a budget per
// endpoint family and organisation, over a calendar-aligned period, reported on every response
// in X-RateLimit-Limit / -Period / -Remaining / -Reset (seconds until the period ends) / -Name.
// Over budget the API answers 429 with the same headers. Datadog does not publish the numbers;
// the defaults are generous and every family can be tuned (tests spend them on purpose).

export type RateLimitFamily = "validate" | "service_definitions" | "monitors" | "monitor_search" | "slos" | "slo_history" | "dashboards" | "incidents";

export const RATE_LIMIT_FAMILIES: readonly RateLimitFamily[] = ["validate", "service_definitions", "monitors", "monitor_search", "slos", "slo_history", "dashboards", "incidents"];

export type RateLimitBudget = { limit: number; periodSeconds: number };

/** What the X-RateLimit-Name header says for each family. */
const NAMES: Record<RateLimitFamily, string> = {
  validate: "validate_api_key",
  service_definitions: "service_catalog_definitions",
  monitors: "monitors_list",
  monitor_search: "monitors_search",
  slos: "slo_list",
  slo_history: "slo_history",
  dashboards: "dashboards_list",
  incidents: "incidents_list",
};

export const DEFAULT_BUDGETS: Record<RateLimitFamily, RateLimitBudget> = {
  validate: { limit: 1000, periodSeconds: 60 },
  service_definitions: { limit: 1000, periodSeconds: 10 },
  monitors: { limit: 1000, periodSeconds: 10 },
  monitor_search: { limit: 1000, periodSeconds: 10 },
  slos: { limit: 1000, periodSeconds: 10 },
  slo_history: { limit: 3000, periodSeconds: 10 },
  dashboards: { limit: 1000, periodSeconds: 10 },
  incidents: { limit: 1000, periodSeconds: 10 },
};

export type RateLimitOptions = Partial<Record<RateLimitFamily, Partial<RateLimitBudget>>>;

export type RateLimitSnapshot = { family: RateLimitFamily; limit: number; periodSeconds: number; remaining: number; resetSeconds: number };

type Window = { start: number; used: number };

export class RateLimits {
  private budgets: Record<RateLimitFamily, RateLimitBudget>;
  private readonly windows = new Map<RateLimitFamily, Window>();
  /** false turns budgets off entirely (headers are still sent). */
  enabled: boolean;

  constructor(
    options: RateLimitOptions | false | undefined,
    private readonly nowMs: () => number,
  ) {
    this.enabled = options !== false;
    this.budgets = { ...DEFAULT_BUDGETS };
    if (options) this.configure(options);
  }

  configure(options: RateLimitOptions): void {
    for (const [family, budget] of Object.entries(options) as [RateLimitFamily, Partial<RateLimitBudget>][]) {
      if (!this.budgets[family]) throw new Error(`unknown rate-limit family "${family}" (known: ${RATE_LIMIT_FAMILIES.join(", ")})`);
      this.budgets[family] = { ...this.budgets[family], ...budget };
      this.windows.delete(family);
    }
  }

  private window(family: RateLimitFamily): Window {
    const periodMs = this.budgets[family].periodSeconds * 1000;
    // Calendar-aligned: every period starts at a multiple of its length since the epoch.
    const start = Math.floor(this.nowMs() / periodMs) * periodMs;
    let window = this.windows.get(family);
    if (!window || window.start !== start) {
      window = { start, used: 0 };
      this.windows.set(family, window);
    }
    return window;
  }

  snapshot(family: RateLimitFamily): RateLimitSnapshot {
    const budget = this.budgets[family];
    const window = this.window(family);
    const periodMs = budget.periodSeconds * 1000;
    return {
      family,
      limit: budget.limit,
      periodSeconds: budget.periodSeconds,
      remaining: Math.max(0, budget.limit - window.used),
      resetSeconds: Math.max(1, Math.ceil((window.start + periodMs - this.nowMs()) / 1000)),
    };
  }

  /** Spends one request; false (and nothing spent) when the period's budget is gone. */
  charge(family: RateLimitFamily): { ok: boolean; snapshot: RateLimitSnapshot } {
    const window = this.window(family);
    if (this.enabled && window.used >= this.budgets[family].limit) return { ok: false, snapshot: this.snapshot(family) };
    window.used += 1;
    return { ok: true, snapshot: this.snapshot(family) };
  }

  /** Test hook: leaves exactly `remaining` requests in the current period. */
  setRemaining(family: RateLimitFamily, remaining: number): void {
    this.window(family).used = Math.max(0, this.budgets[family].limit - remaining);
  }

  reset(): void {
    this.windows.clear();
  }

  budgetsNow(): Record<RateLimitFamily, RateLimitBudget> {
    return { ...this.budgets };
  }
}

export function rateLimitHeaders(snapshot: RateLimitSnapshot): Record<string, string> {
  return {
    "x-ratelimit-limit": String(snapshot.limit),
    "x-ratelimit-period": String(snapshot.periodSeconds),
    "x-ratelimit-remaining": String(snapshot.remaining),
    "x-ratelimit-reset": String(snapshot.resetSeconds),
    "x-ratelimit-name": NAMES[snapshot.family],
  };
}
