import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

import type { FaultAction, Faults } from "../shared/faults";
import { createApiHandler, createRouteMatcher, endpointKey, SERVER_ERROR_TEXT, type Exchange, type Outgoing } from "../shared/pipeline";
import type { PagerdutyAuth } from "./auth";
import { handleEvent, routingKeyOf } from "./events-api";
import { rateLimitHeaders, type RateLimits, type Snapshot } from "./rate-limits";
import { ERROR_CODES, errorBody, PdError, type PdRequest, type PdResponse, type Route } from "./routing";
import { shapeContext } from "./shapes";
import type { PagerdutyState } from "./state";
import type { PagerdutyStatsRecorder } from "./stats";

// Every API call goes through here, in PagerDuty's order: latency and injected faults
// (../shared/pipeline.ts), then the Events API (keyed by routing_key) or REST: authentication,
// the per-key budget (429 once spent), read-only keys refused on writes, the endpoint, and the
// rate-limit headers on every answer.

export type PipelineDeps = {
  state: PagerdutyState;
  auth: PagerdutyAuth;
  limits: RateLimits;
  faults: Faults;
  stats: PagerdutyStatsRecorder;
  baseUrl: () => string;
  offsetCap: () => number;
};

export function createPipeline(routes: Route[], deps: PipelineDeps) {
  const match = createRouteMatcher(routes);

  function events(body: string, fault: FaultAction | null): Outgoing {
    const headers = { "content-type": "application/json" };
    const key = `events:${routingKeyOf(body) ?? "unknown"}`;
    if (fault?.kind === "secondary" || !deps.limits.charge(key).ok) {
      deps.stats.count("rateLimited");
      return { status: 429, headers, text: JSON.stringify({ status: "throttle event", message: "Requests for this service are arriving too quickly. Please retry later." }) };
    }
    deps.stats.count("events");
    const answer = handleEvent(deps.state, body);
    return { status: answer.status, headers, text: JSON.stringify(answer.body) };
  }

  function rest(req: IncomingMessage, url: URL, body: string, fault: FaultAction | null): { out: Outgoing; endpoint: string } {
    const method = req.method ?? "GET";
    const found = match(method, url.pathname);
    const endpoint = endpointKey(method, found);
    const credential = deps.auth.authenticate(req.headers.authorization);
    const budgetKey = credential.ok ? `key:${credential.key}` : "anonymous";
    let snapshot: Snapshot = deps.limits.snapshot(budgetKey);
    const headers = (): Record<string, string> => ({
      "content-type": "application/json; charset=utf-8",
      "x-request-id": randomBytes(8).toString("hex"),
      ...rateLimitHeaders(snapshot),
    });
    const failure = (status: number, code: number, message: string, errors: string[] = []): Outgoing => ({ status, headers: headers(), text: JSON.stringify(errorBody(message, code, errors)) });

    // Injected server errors come from "upstream": they cost the client nothing.
    if (fault?.kind === "status") return { out: failure(fault.status, ERROR_CODES.internal, SERVER_ERROR_TEXT[fault.status] ?? "Internal Server Error"), endpoint };
    if (!credential.ok) {
      return { out: failure(401, ERROR_CODES.authenticationFailed, "Authentication failed", [credential.reason === "missing" ? "The Authorization header is missing: send `Authorization: Token token=<API key>`" : "The API key is invalid or has been revoked"]), endpoint };
    }
    const spent = fault?.kind === "secondary" ? { ok: false, snapshot: { ...snapshot, remaining: 0 } } : deps.limits.charge(budgetKey);
    snapshot = spent.snapshot;
    if (!spent.ok) {
      deps.stats.count("rateLimited");
      return { out: failure(429, ERROR_CODES.rateLimited, "Rate Limit Exceeded", [`This API key has used its ${snapshot.limit} requests for this minute; retry after ${snapshot.resetSeconds} seconds (ratelimit-reset)`]), endpoint };
    }
    if (method !== "GET" && credential.readOnly) return { out: failure(403, ERROR_CODES.accessDenied, "Access Denied", ["The API key is read-only and cannot be used to modify data"]), endpoint };
    if (!found) return { out: failure(404, ERROR_CODES.notFound, "Not Found"), endpoint };

    const request: PdRequest = {
      method,
      url,
      params: found.params,
      headers: req.headers,
      body,
      credential,
      state: deps.state,
      shapes: shapeContext(deps.state),
      offsetCap: deps.offsetCap(),
    };
    let result: PdResponse;
    try {
      result = found.route.handle(request);
    } catch (thrown) {
      if (!(thrown instanceof PdError)) throw thrown;
      return { out: failure(thrown.status, thrown.code, thrown.message, thrown.errors), endpoint };
    }
    return { out: { status: result.status, headers: { ...headers(), ...result.headers }, text: JSON.stringify(result.body) }, endpoint };
  }

  function open(req: IncomingMessage, url: URL): Exchange {
    const method = req.method ?? "GET";
    const exchange: Exchange = {
      endpoint: `${method} ${url.pathname}`,
      answer(body, fault) {
        if (method === "POST" && url.pathname === "/v2/enqueue") {
          exchange.endpoint = "POST /v2/enqueue";
          if (fault?.kind !== "status") return events(body, fault);
          return { status: fault.status, headers: { "content-type": "application/json" }, text: JSON.stringify({ status: "error", message: SERVER_ERROR_TEXT[fault.status] ?? "Internal Server Error" }) };
        }
        const { out, endpoint } = rest(req, url, body, fault);
        exchange.endpoint = endpoint;
        return out;
      },
      crashed: (thrown) => ({ status: 500, headers: { "content-type": "application/json; charset=utf-8" }, text: JSON.stringify(errorBody(thrown instanceof Error ? thrown.message : "Internal Server Error", ERROR_CODES.internal)) }),
    };
    return exchange;
  }

  return createApiHandler({ faults: deps.faults, stats: deps.stats, baseUrl: deps.baseUrl, malformedTail: "<html>upstream error", open });
}
