import type { RateLimitFamily } from "./rate-limits";
import type { DatadogState } from "./state";

// The contract between the request pipeline and the endpoint modules: a route is a method, the
// spec's path template, the rate-limit family it spends and a handler that returns a body. The
// pipeline does authentication, budgets, faults and headers identically for every endpoint.

export type DatadogRequest = {
  url: URL;
  params: Record<string, string>;
  state: DatadogState;
};

export type DatadogResponse = { status: number; body: unknown };

export type Route = {
  method: "GET";
  /** The spec's path template, e.g. "/api/v1/monitor/{monitor_id}". */
  template: string;
  family: RateLimitFamily;
  /** "api": DD-API-KEY alone is enough (only /api/v1/validate); default both keys. */
  auth?: "api" | "api+app";
  handle: (request: DatadogRequest) => DatadogResponse;
};

/** Datadog's APIErrorResponse: `{"errors": ["..."]}`. */
export class DatadogError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
  ) {
    super(errors.join("; "));
  }
}

export function ok(body: unknown): DatadogResponse {
  return { status: 200, body };
}

/** A non-negative integer query parameter, its default when absent, or a 400 when malformed. */
export function intParam(url: URL, name: string, fallback: number, options: { max?: number; min?: number } = {}): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw)) throw new DatadogError(400, [`Invalid value for parameter ${name}: "${raw}" is not an integer`]);
  const value = Number.parseInt(raw, 10);
  if (value < (options.min ?? 0)) throw new DatadogError(400, [`Invalid value for parameter ${name}: must be at least ${options.min ?? 0}`]);
  if (options.max !== undefined && value > options.max) throw new DatadogError(400, [`Invalid value for parameter ${name}: the maximum allowed value is ${options.max}`]);
  return value;
}

export function boolParam(url: URL, name: string): boolean | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new DatadogError(400, [`Invalid value for parameter ${name}: expected true or false`]);
}
