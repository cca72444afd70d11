import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createApiHandler, createRouteMatcher, endpointKey, type Exchange, type Outgoing } from "../shared/pipeline";
import type { GithubAuth, Principal } from "./auth";
import { STATUS_MESSAGES, type FaultAction, type Faults } from "./faults";
import { rateLimitHeaders, SECONDARY_MESSAGE, type PrimaryLimits, type Resource, type SecondaryLimits, type Snapshot } from "./rate-limits";
import { errorBody, type ShapeContext } from "./rest-shapes";
import { GithubError, type GithubRequest, type GithubResponse, type Route } from "./routing";
import type { GithubState } from "./state";
import type { StatsRecorder } from "./stats";

// The request pipeline every API call goes through, in GitHub's order: latency and injected
// faults (../shared/pipeline.ts), authentication, secondary limits, the endpoint, then
// conditional requests (a 304 costs nothing), the primary budget, and GitHub's headers on every
// response.

export type PipelineDeps = {
  state: GithubState;
  auth: GithubAuth;
  limits: PrimaryLimits;
  secondary: SecondaryLimits;
  faults: Faults;
  stats: StatsRecorder;
  shapes: () => ShapeContext;
  baseUrl: () => string;
};

const SUPPORTED_VERSIONS = new Set(["2022-11-28", "2026-03-10"]);
const EXPOSED = "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";
const RATE_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

function etagOf(text: string): string {
  return `W/"${createHash("sha1").update(text).digest("hex")}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

function limitedMessage(principal: Principal): string {
  if (principal.kind === "installation") return `API rate limit exceeded for installation ID ${principal.installationId}.`;
  if (principal.kind === "anonymous") return "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
  return "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.";
}

export function createPipeline(routes: Route[], deps: PipelineDeps) {
  // {path} spans slashes (contents paths); other parameters are one segment.
  const match = createRouteMatcher(routes, { multiSegment: ["path"] });
  // ETags of recent GET responses, valid while the state version is unchanged: an unchanged
  // re-sync then answers 304s without rendering bodies at all.
  const etags = new Map<string, { version: number; etag: string }>();

  function open(req: IncomingMessage, url: URL): Exchange {
    const { state, auth, limits, secondary, stats } = deps;
    const method = req.method ?? "GET";
    const outcome = auth.authenticate(req.headers.authorization);
    const principal: Principal = outcome.ok ? outcome.principal : { kind: "anonymous", key: "anonymous:127.0.0.1" };
    const overConcurrent = secondary.enter(principal.key);
    const found = match(method, url.pathname);
    const endpoint = endpointKey(method, found);
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      "x-github-request-id": `${randomBytes(2).toString("hex").toUpperCase()}:${randomBytes(4).toString("hex").toUpperCase()}`,
      vary: "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding",
      "cache-control": principal.kind === "anonymous" ? "public, max-age=60, s-maxage=60" : "private, max-age=60, s-maxage=60",
      "access-control-expose-headers": EXPOSED,
    };
    let resource: Resource = found?.route.resource ?? "core";
    let snapshot: Snapshot | null = null;
    const error = (status: number, message: string, documentation: string, extra: Record<string, string> = {}): Outgoing => ({
      status,
      headers: { ...headers, ...rateLimitHeaders(snapshot ?? limits.snapshot(principal.key, resource), resource), ...extra },
      text: JSON.stringify(errorBody(message, documentation, status)),
    });

    async function answer(body: string, fault: FaultAction | null): Promise<Outgoing> {
      if (fault?.kind === "status") return error(fault.status, STATUS_MESSAGES[fault.status] ?? "Server Error", "https://docs.github.com/rest");
      if (!found) return error(404, "Not Found", "https://docs.github.com/rest");
      const route = found.route;
      const version = req.headers["x-github-api-version"];
      if (typeof version === "string" && !SUPPORTED_VERSIONS.has(version)) return error(400, `API version '${version}' is not supported.`, "https://docs.github.com/rest/overview/api-versions");
      if (!outcome.ok) return error(401, outcome.message, outcome.documentation);
      const mode = route.auth ?? "any";
      if (mode === "app" && principal.kind !== "app") return error(401, "A JSON web token could not be decoded", "https://docs.github.com/rest");
      if (mode !== "app" && principal.kind === "app") return error(403, "Resource not accessible by integration", route.docs);
      if (mode === "authenticated" && principal.kind === "anonymous") {
        return error(401, route.template === "/graphql" ? "This endpoint requires you to be authenticated." : "Requires authentication", route.docs);
      }
      // Secondary limits: a principal that tripped one stays limited until retry-after passes.
      const points = method === "GET" ? 1 : route.template === "/graphql" ? 1 : 5;
      const secondaryStatus = secondary.options?.status ?? 403;
      let retryAfter = secondary.isBlocked(principal.key);
      if (retryAfter === null && (overConcurrent || secondary.spend(principal.key, endpoint, route.template === "/graphql", points))) retryAfter = secondary.block(principal.key);
      if (fault?.kind === "secondary") retryAfter = fault.retryAfterSeconds ?? secondary.options?.retryAfterSeconds ?? 60;
      if (retryAfter !== null) {
        stats.count("secondaryLimited");
        return error(fault?.kind === "secondary" ? fault.status : secondaryStatus, SECONDARY_MESSAGE, `${RATE_DOCS}#about-secondary-rate-limits`, { "retry-after": String(retryAfter) });
      }

      const ifNoneMatch = req.headers["if-none-match"];
      const charged = route.resource !== null && !route.selfCharging;
      const cacheKey = `${principal.kind === "installation" && principal.repositoryIds ? `${principal.key}:narrowed` : principal.kind === "installation" ? principal.key : principal.kind}|${url.pathname}${url.search}|${req.headers.accept ?? ""}`;
      if (charged && method === "GET" && ifNoneMatch) {
        const cached = etags.get(cacheKey);
        if (cached && cached.version === state.version && etagMatches(ifNoneMatch, cached.etag)) {
          return { status: 304, headers: { ...headers, etag: cached.etag, ...rateLimitHeaders(limits.snapshot(principal.key, resource), resource) }, text: "" };
        }
      }
      if (charged && !ifNoneMatch && limits.snapshot(principal.key, resource).remaining === 0) {
        stats.count("primaryLimited");
        return error(403, limitedMessage(principal), RATE_DOCS, { "x-ratelimit-remaining": "0" });
      }

      const request: GithubRequest = { method, url, params: found.params, headers: req.headers, body, principal, state, auth, limits, shapes: deps.shapes(), baseUrl: deps.baseUrl() };
      let result: GithubResponse;
      try {
        result = await route.handle(request);
      } catch (thrown) {
        if (!(thrown instanceof GithubError)) throw thrown;
        result = { status: thrown.status, body: errorBody(thrown.message, thrown.documentation, thrown.status), headers: thrown.headers };
      }
      const text = result.raw ? result.raw.text : JSON.stringify(result.body);
      const etag = method === "GET" && result.status === 200 ? etagOf(text) : null;
      if (etag && charged) {
        if (etags.size > 50_000) etags.clear();
        etags.set(cacheKey, { version: state.version, etag });
      }
      if (etag && etagMatches(ifNoneMatch, etag)) {
        return { status: 304, headers: { ...headers, etag, ...rateLimitHeaders(limits.snapshot(principal.key, resource), resource) }, text: "" };
      }
      if (charged) {
        const spent = limits.charge(principal.key, resource, 1);
        snapshot = spent.snapshot;
        if (!spent.ok) {
          stats.count("primaryLimited");
          return error(403, limitedMessage(principal), RATE_DOCS, { "x-ratelimit-remaining": "0" });
        }
        stats.spend(resource, 1);
      } else if (route.selfCharging) {
        resource = route.resource ?? "core";
        if (result.cost) stats.spend(resource, result.cost);
        if (result.status === 403) stats.count("primaryLimited");
      } else resource = "core";
      snapshot ??= limits.snapshot(principal.key, resource);
      return {
        status: result.status,
        headers: {
          ...headers,
          ...(result.raw ? { "content-type": result.raw.contentType } : {}),
          ...rateLimitHeaders(snapshot, resource),
          ...(result.status === 403 && route.selfCharging ? { "x-ratelimit-remaining": "0" } : {}),
          ...(etag ? { etag } : {}),
          ...result.headers,
        },
        text,
      };
    }

    return {
      endpoint,
      answer,
      crashed: (thrown) => error(500, thrown instanceof Error ? thrown.message : "Server Error", "https://docs.github.com/rest"),
      close: () => secondary.leave(principal.key),
    };
  }

  return createApiHandler({ faults: deps.faults, stats: deps.stats, baseUrl: deps.baseUrl, malformedTail: "<!-- upstream error -->", open });
}
