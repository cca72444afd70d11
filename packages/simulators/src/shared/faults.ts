import { Random } from "./random";

// Fault injection for reliability tests and the benchmark, the same for every vendor simulator:
// a fixed latency on every request, random failures at a rate (seeded, so a failing run can be
// replayed), and scripted one-offs ("the next 3 requests to /graphql fail with 502"). Each
// vendor's pipeline decides what a fault looks like in its own error format.

export type FaultKind = "status" | "truncate" | "malformed" | "secondary" | "reset";

export type FaultOptions = {
  /** Added to every API request before it is answered (the benchmark uses 50). */
  latencyMs?: number;
  /** Extra random latency, 0..jitterMs. */
  jitterMs?: number;
  /** Share of requests answered with a random 5xx from `errorStatuses`. */
  errorRate?: number;
  errorStatuses?: number[];
  /** Share of responses cut off mid-body (the connection is then dropped). */
  truncateRate?: number;
  /** Share of 200 responses whose JSON body is corrupted. */
  malformedRate?: number;
  seed?: number;
};

export type ScriptedFault = {
  /** Exact path, a prefix ending in "*", or a RegExp; omitted → any path. */
  path?: string | RegExp;
  method?: string;
  /** How many matching requests fail (default 1). */
  count?: number;
  kind?: FaultKind;
  /** For kind "status" (default 502) or "secondary" (403 or 429, default 403). */
  status?: number;
  /** Extra delay for these requests only, e.g. to trip a client timeout. */
  delayMs?: number;
  /** For kind "secondary": the retry-after value. */
  retryAfterSeconds?: number;
};

export type FaultAction = { kind: FaultKind; status: number; delayMs: number; retryAfterSeconds: number | null };

type Armed = ScriptedFault & { remaining: number };

function matches(rule: ScriptedFault, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  if (rule.path instanceof RegExp) return rule.path.test(path);
  return rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
}

export class Faults {
  options: FaultOptions;
  private scripted: Armed[] = [];
  private random: Random;

  constructor(options: FaultOptions = {}) {
    this.options = options;
    this.random = new Random(options.seed ?? 1);
  }

  set(options: FaultOptions): void {
    this.options = { ...this.options, ...options };
    if (options.seed !== undefined) this.random = new Random(options.seed);
  }

  failNext(rule: ScriptedFault): void {
    this.scripted.push({ ...rule, remaining: rule.count ?? 1 });
  }

  clear(): void {
    this.options = {};
    this.scripted = [];
  }

  pending(): number {
    return this.scripted.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  latency(): number {
    const base = this.options.latencyMs ?? 0;
    const jitter = this.options.jitterMs ? this.random.next() * this.options.jitterMs : 0;
    return base + jitter;
  }

  /** The fault for this request, if any; scripted rules are consumed first. */
  pick(method: string, path: string): FaultAction | null {
    const rule = this.scripted.find((candidate) => candidate.remaining > 0 && matches(candidate, method, path));
    if (rule) {
      rule.remaining--;
      this.scripted = this.scripted.filter((candidate) => candidate.remaining > 0);
      const kind = rule.kind ?? "status";
      return { kind, status: rule.status ?? (kind === "secondary" ? 403 : kind === "status" ? 502 : 200), delayMs: rule.delayMs ?? 0, retryAfterSeconds: rule.retryAfterSeconds ?? null };
    }
    const { errorRate = 0, truncateRate = 0, malformedRate = 0 } = this.options;
    if (errorRate + truncateRate + malformedRate === 0) return null;
    const roll = this.random.next();
    if (roll < errorRate) {
      const statuses = this.options.errorStatuses ?? [500, 502, 503];
      return { kind: "status", status: statuses[Math.floor(this.random.next() * statuses.length)]!, delayMs: 0, retryAfterSeconds: null };
    }
    if (roll < errorRate + truncateRate) return { kind: "truncate", status: 200, delayMs: 0, retryAfterSeconds: null };
    if (roll < errorRate + truncateRate + malformedRate) return { kind: "malformed", status: 200, delayMs: 0, retryAfterSeconds: null };
    return null;
  }
}
