import type { IncomingHttpHeaders } from "node:http";
import type { GithubAuth, Principal } from "./auth";
import type { GithubOrg, GithubRepo } from "./model";
import type { PrimaryLimits, Resource } from "./rate-limits";
import type { ShapeContext } from "./rest-shapes";
import type { GithubState } from "./state";

// The contract between the request pipeline (server.ts) and the endpoint modules: a route is a
// method + GitHub path template + handler returning a body; the pipeline adds auth, rate limits,
// ETags, faults and headers around it, identically for every endpoint.

export type GithubRequest = {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  principal: Principal;
  state: GithubState;
  auth: GithubAuth;
  limits: PrimaryLimits;
  shapes: ShapeContext;
  /** The simulator's own base URL, for Link headers. */
  baseUrl: string;
};

export type GithubResponse = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent verbatim with this content type instead of JSON (raw media types). */
  raw?: { contentType: string; text: string };
  /** GraphQL: the points this request costs (REST always costs 1). */
  cost?: number;
};

export type Route = {
  method: "GET" | "POST";
  /** GitHub's path template, e.g. "/repos/{owner}/{repo}/contents/{path}"; also the endpoint key. */
  template: string;
  /** The rate-limit bucket it spends, or null for free endpoints (GET /rate_limit). */
  resource: Resource | null;
  /**
   * Who may call it: "any" (default; anonymous too, not an app JWT), "authenticated" (a token or
   * installation token), "app" (an app JWT only) or "installation" (an installation token only).
   */
  auth?: "any" | "authenticated" | "app" | "installation";
  /** The handler spends its own (variable) cost, as /graphql does. */
  selfCharging?: boolean;
  docs: string;
  handle: (request: GithubRequest) => GithubResponse | Promise<GithubResponse>;
};

export class GithubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentation: string = "https://docs.github.com/rest",
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(docs: string): GithubError {
  return new GithubError(404, "Not Found", docs);
}

export function requireOrg(request: GithubRequest, docs: string): GithubOrg {
  const org = request.state.org(request.params.org ?? request.params.owner ?? "");
  if (!org) throw notFound(docs);
  return org;
}

/** Visibility rules: anonymous callers see public repos, installation tokens their selection. */
export function canSee(request: GithubRequest, org: GithubOrg, repo: GithubRepo): boolean {
  const principal = request.principal;
  if (principal.kind === "anonymous") return repo.visibility === "public";
  if (principal.kind === "installation") {
    if (principal.repositoryIds && !principal.repositoryIds.has(repo.id)) return false;
    const installation = request.state.installations.get(principal.installationId);
    return !!installation && installation.orgLogin === org.login && request.state.canInstallationSee(installation, repo);
  }
  return true;
}

export function requireRepo(request: GithubRequest, docs: string): { org: GithubOrg; repo: GithubRepo } {
  const found = request.state.repo(request.params.owner ?? "", request.params.repo ?? "");
  if (!found || !canSee(request, found.org, found.repo)) throw notFound(docs);
  return found;
}

export type PageParams = { page: number; perPage: number };

export function pageParams(url: URL, defaultPerPage = 30): PageParams {
  const perPage = Number.parseInt(url.searchParams.get("per_page") ?? "", 10);
  const page = Number.parseInt(url.searchParams.get("page") ?? "", 10);
  return { perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : defaultPerPage, page: Number.isFinite(page) && page > 0 ? page : 1 };
}

/** Slices a list and builds GitHub's Link header (next/last, and prev/first past page one). */
export function paginate<T>(request: GithubRequest, items: readonly T[], defaultPerPage = 30): { items: T[]; headers: Record<string, string> } {
  const { page, perPage } = pageParams(request.url, defaultPerPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (target: number): string => {
    const url = new URL(request.url.pathname + request.url.search, request.baseUrl);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return url.toString();
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`<${link(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) parts.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) parts.push(`<${link(1)}>; rel="first"`);
  return { items: slice, headers: parts.length > 0 ? { link: parts.join(", ") } : {} };
}

export function ok(body: unknown, headers?: Record<string, string>): GithubResponse {
  return { status: 200, body, headers };
}
