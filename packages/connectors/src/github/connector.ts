import { Octokit } from "@octokit/rest";

import type { Checkpoint, ConnectionVerdict, Connector, ConnectorContext, ProbeResult, StagedItem, StepResult } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { configSchemas } from "../framework/integrations";
import { BlockedAddressError } from "../framework/network";
import { inferredComponent, memberUser, teamGroup } from "./entities";
import { MEMBERS_QUERY, REPO_QUERY, REPOS_QUERY, type RepoNode, type RepoResponse, TEAMS_QUERY, VIEWER_QUERY, type MembersResponse, type RateLimitInfo, type ReposResponse, type TeamsResponse, type ViewerResponse } from "./queries";

const PHASES = ["repos", "teams", "members"] as const;
type Phase = (typeof PHASES)[number];

function client(context: ConnectorContext): Octokit {
  const config = configSchemas.GITHUB.parse(context.config);
  return new Octokit({
    baseUrl: config.baseUrl.replace(/\/+$/, ""),
    auth: context.secrets.token,
    request: { fetch: context.fetch, timeout: 30_000 },
    // Octokit's own console logging could print request details; the engine reports errors itself.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

type HttpishError = { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> }; errors?: { type?: string; message?: string }[] };

/** Maps an Octokit failure onto the engine's three outcomes: delay, stop, retry. */
export function classifyGithubError(error: unknown, now = Date.now()): Error {
  if (error instanceof BlockedAddressError) return new PermanentError(error.message);
  const failure = error as HttpishError;
  const headers = failure.response?.headers ?? {};
  const status = failure.status;
  const graphqlTypes = (failure.errors ?? []).map((entry) => entry.type);
  if (graphqlTypes.includes("RATE_LIMITED")) {
    const reset = Number(headers["x-ratelimit-reset"]);
    return new RateLimitedError(Number.isFinite(reset) && reset > 0 ? reset * 1000 : now + 60_000, "GitHub's GraphQL rate limit is spent");
  }
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers["retry-after"]);
    if (Number.isFinite(retryAfter) && headers["retry-after"] !== undefined) return new RateLimitedError(now + retryAfter * 1000, `GitHub asked us to slow down (secondary rate limit, retry after ${retryAfter}s)`);
    if (headers["x-ratelimit-remaining"] === "0") {
      const reset = Number(headers["x-ratelimit-reset"]);
      return new RateLimitedError(Number.isFinite(reset) ? reset * 1000 : now + 60_000, "GitHub's rate limit for this token is spent until its reset");
    }
    if (status === 429) return new RateLimitedError(now + 60_000, "GitHub answered 429 Too Many Requests");
    return new PermanentError("GitHub refused access (403): the token lacks permission to read this organization's repositories, teams or members");
  }
  if (status === 401) return new PermanentError("GitHub rejected the token (401 Bad credentials): it is wrong, expired or revoked. Enter a new token.");
  if (status === 404 || graphqlTypes.includes("NOT_FOUND")) return new PermanentError("GitHub says this organization does not exist or the token cannot see it (404). Check the organization name.");
  if (status !== undefined && status >= 500) return new TransientError(`GitHub answered ${status}; will retry`);
  return new TransientError(`GitHub request failed: ${failure.message ?? String(error)}`.slice(0, 500));
}

function repoItem(repo: RepoNode, config: { org: string; defaultOwner: string; catalogPath: string }): StagedItem {
  return repo.catalog?.text !== undefined && repo.catalog !== null
    ? { yaml: repo.catalog.text, location: `${repo.url}/blob/${repo.defaultBranchRef?.name ?? "HEAD"}/${config.catalogPath}` }
    : { doc: inferredComponent(repo, { org: config.org, defaultOwner: config.defaultOwner }) };
}

/** One repository, for a webhook's targeted sync: one GraphQL request. Null when it is gone. */
export async function fetchGithubRepo(context: ConnectorContext, name: string): Promise<{ item: StagedItem | null; budgetUsed: number }> {
  const config = configSchemas.GITHUB.parse(context.config);
  try {
    const data = await client(context).graphql<RepoResponse>(REPO_QUERY, { owner: config.org, name, catalogExpression: `HEAD:${config.catalogPath}` });
    return { item: data.repository ? repoItem(data.repository, config) : null, budgetUsed: budget(data.rateLimit) };
  } catch (error) {
    const failure = error as { errors?: { type?: string }[] };
    if (failure.errors?.some((entry) => entry.type === "NOT_FOUND")) return { item: null, budgetUsed: 1 };
    throw classifyGithubError(error);
  }
}

const PROBE_LISTINGS = [
  ["repos", "GET /orgs/{org}/repos"],
  ["teams", "GET /orgs/{org}/teams"],
  ["members", "GET /orgs/{org}/members"],
] as const;
const PROBE_CONCURRENCY = 8;

/**
 * The REST listings of repositories (their pushed_at moves on every push), teams and members,
 * page by page in parallel, with If-None-Match: when every page answers 304 nothing a sync reads
 * has changed (team membership changes arrive by webhook, and any changed page means a full sync).
 */
async function probeGithub(context: ConnectorContext, previous: Record<string, string>, sizes: Record<string, number>): Promise<ProbeResult> {
  const config = configSchemas.GITHUB.parse(context.config);
  const octokit = client(context);
  const pages = PROBE_LISTINGS.flatMap(([phase, route]) => {
    const count = Math.ceil((sizes[phase] ?? 0) / 100) + 1; // one more page catches additions
    return Array.from({ length: count }, (_, index) => ({ key: `${phase}:${index + 1}`, route, page: index + 1 }));
  });
  const etags: Record<string, string> = {};
  let changed = false;
  let requests = 0;
  let budgetUsed = 0;
  let cursor = 0;
  async function lane(): Promise<void> {
    while (cursor < pages.length) {
      const entry = pages[cursor++]!;
      const known = previous[entry.key];
      requests += 1;
      try {
        const response = await octokit.request(entry.route, { org: config.org, per_page: 100, page: entry.page, headers: known ? { "if-none-match": known } : {} });
        budgetUsed += 1;
        changed = true;
        const etag = response.headers.etag;
        if (etag) etags[entry.key] = etag;
      } catch (error) {
        if ((error as { status?: number }).status === 304 && known) etags[entry.key] = known;
        else throw classifyGithubError(error);
      }
    }
  }
  await Promise.all(Array.from({ length: PROBE_CONCURRENCY }, lane));
  if (Object.keys(previous).length === 0) changed = true;
  return { changed, etags, requests, budgetUsed };
}

function next(phase: Phase, cursor: string | null, hasNext: boolean): Checkpoint | null {
  if (hasNext) return { phase, cursor };
  const following = PHASES[PHASES.indexOf(phase) + 1];
  return following ? { phase: following, cursor: null } : null;
}

function budget(rateLimit: RateLimitInfo | undefined): number {
  return rateLimit?.cost ?? 1;
}

export const githubConnector: Connector = {
  kind: "GITHUB",
  initialCheckpoint: () => ({ phase: "repos", cursor: null }),
  probe: probeGithub,

  async step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult> {
    const config = configSchemas.GITHUB.parse(context.config);
    const octokit = client(context);
    const variables = { org: config.org, cursor: checkpoint.cursor, first: config.pageSize };
    try {
      if (checkpoint.phase === "repos") {
        const data = await octokit.graphql<ReposResponse>(REPOS_QUERY, { ...variables, catalogExpression: `HEAD:${config.catalogPath}` });
        const page = data.organization?.repositories;
        if (!page) throw new PermanentError(`GitHub has no organization "${config.org}" visible to this token`);
        const documents = page.nodes.map((repo) => repoItem(repo, config));
        return { documents, next: next("repos", page.pageInfo.endCursor, page.pageInfo.hasNextPage), requests: 1, budgetUsed: budget(data.rateLimit), total: page.totalCount, items: page.nodes.length };
      }
      if (checkpoint.phase === "teams") {
        const data = await octokit.graphql<TeamsResponse>(TEAMS_QUERY, variables);
        const page = data.organization?.teams;
        if (!page) throw new PermanentError(`GitHub has no organization "${config.org}" visible to this token`);
        return { documents: page.nodes.map((team) => ({ doc: teamGroup(team) })), next: next("teams", page.pageInfo.endCursor, page.pageInfo.hasNextPage), requests: 1, budgetUsed: budget(data.rateLimit), total: page.totalCount, items: page.nodes.length };
      }
      const data = await octokit.graphql<MembersResponse>(MEMBERS_QUERY, variables);
      const page = data.organization?.membersWithRole;
      if (!page) throw new PermanentError(`GitHub has no organization "${config.org}" visible to this token`);
      return { documents: page.nodes.map((member) => ({ doc: memberUser(member) })), next: next("members", page.pageInfo.endCursor, page.pageInfo.hasNextPage), requests: 1, budgetUsed: budget(data.rateLimit), total: page.totalCount, items: page.nodes.length };
    } catch (error) {
      if (error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError) throw error;
      throw classifyGithubError(error);
    }
  },

  async testConnection(context: ConnectorContext): Promise<ConnectionVerdict> {
    const config = configSchemas.GITHUB.parse(context.config);
    try {
      const data = await client(context).graphql<ViewerResponse>(VIEWER_QUERY, { org: config.org });
      if (!data.organization) return { ok: false, problem: `The token works, but GitHub has no organization "${config.org}" visible to it.` };
      const org = data.organization;
      return {
        ok: true,
        summary: `Connected to ${org.login}: ${org.repositories.totalCount} repositories, ${org.teams.totalCount} teams, ${org.membersWithRole.totalCount} members visible; ${data.rateLimit.remaining} of ${data.rateLimit.limit} GraphQL points left this hour.`,
      };
    } catch (error) {
      const classified = classifyGithubError(error);
      if (classified instanceof RateLimitedError) return { ok: false, problem: `${classified.message}; try again after ${new Date(classified.resetAt).toISOString()}.` };
      return { ok: false, problem: classified instanceof TransientError ? `Could not reach GitHub: ${classified.message}` : classified.message };
    }
  },
};
