import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FaultAction, Faults } from "../shared/faults";
import { createApiHandler, createRouteMatcher, endpointKey, SERVER_ERROR_TEXT, type Exchange, type Outgoing } from "../shared/pipeline";
import type { DatadogKeys } from "./auth";
import { rateLimitHeaders, type RateLimits, type RateLimitSnapshot } from "./rate-limits";
import { DatadogError, type DatadogResponse, type Route } from "./routing";
import type { DatadogState } from "./state";
import type { DatadogStatsRecorder } from "./stats";

// The request pipeline every API call goes through: latency and injected faults
// (../shared/pipeline.ts), the route, authentication (403 before any budget is spent), the
// endpoint family's rate limit (429 with x-ratelimit-* when spent), the endpoint, and Datadog's
// headers on every answer.

export type PipelineDeps = {
  state: DatadogState;
  keys: DatadogKeys;
  limits: RateLimits;
  faults: Faults;
  stats: DatadogStatsRecorder;
};

export function createPipeline(routes: Route[], deps: PipelineDeps) {
  const match = createRouteMatcher(routes);

  function open(req: IncomingMessage, url: URL): Exchange {
    const { state, keys, limits, stats } = deps;
    const method = req.method ?? "GET";
    const found = match(method, url.pathname);
    const base: Record<string, string> = {
      "content-type": "application/json",
      "x-content-type-options": "nosniff",
      "dd-request-id": randomBytes(8).toString("hex"),
    };
    let snapshot: RateLimitSnapshot | null = null;
    const json = (status: number, body: unknown, extra: Record<string, string> = {}): Outgoing => ({
      status,
      headers: { ...base, ...(snapshot ? rateLimitHeaders(snapshot) : {}), ...extra },
      text: JSON.stringify(body),
    });

    function answer(_body: string, fault: FaultAction | null): Outgoing {
      if (fault?.kind === "status") return json(fault.status, { errors: [SERVER_ERROR_TEXT[fault.status] ?? "Internal Server Error"] });
      if (!found) return json(404, { errors: ["Not found"] });
      const { route } = found;
      const auth = keys.check(req.headers, route.auth ?? "api+app");
      if (!auth.ok) {
        stats.count("authFailures");
        return json(auth.status, { errors: auth.errors });
      }
      if (fault?.kind === "secondary") {
        // A scripted rate limit: the family's budget reported as spent for `retryAfterSeconds`.
        const current = limits.snapshot(route.family);
        snapshot = { ...current, remaining: 0, resetSeconds: fault.retryAfterSeconds ?? current.resetSeconds };
        stats.count("rateLimited");
        return json(429, { errors: ["Too many requests"] });
      }
      const charged = limits.charge(route.family);
      snapshot = charged.snapshot;
      if (!charged.ok) {
        stats.count("rateLimited");
        return json(429, { errors: [`Too many requests: the ${route.family.replace(/_/g, " ")} rate limit of ${snapshot.limit} requests per ${snapshot.periodSeconds} seconds is spent`] });
      }
      let result: DatadogResponse;
      try {
        result = route.handle({ url, params: found.params, state });
      } catch (thrown) {
        if (!(thrown instanceof DatadogError)) throw thrown;
        result = { status: thrown.status, body: { errors: thrown.errors } };
      }
      return json(result.status, result.body);
    }

    return {
      endpoint: endpointKey(method, found),
      answer,
      crashed: (thrown) => json(500, { errors: [thrown instanceof Error ? thrown.message : "Internal Server Error"] }),
    };
  }

  return createApiHandler({ faults: deps.faults, stats: deps.stats, malformedTail: "<html>upstream error", open });
}
