import type { Octokit } from "@octokit/rest";

import type { Checkpoint, ConnectionVerdict, Connector, ConnectorContext, ProbeResult, StagedItem, StepResult } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { configSchemas, type GithubConfig } from "../framework/integrations";
import { BlockedAddressError } from "../framework/network";
import { githubClient } from "./client";
import { inferredComponent, memberUser, teamGroup } from "./entities";
import { followLocations, type CatalogFile } from "./locations";
import {
  MEMBERS_QUERY,
  REPO_QUERY,
  REPO_TEAMS_QUERY,
  REPOS_QUERY,
  TEAMS_QUERY,
  VIEWER_QUERY,
  type MembersResponse,
  type RepoNode,
  type RepoResponse,
  type RepoTeamsResponse,
  type ReposResponse,
  type TeamsResponse,
  type ViewerResponse,
} from "./queries";
import { addTeamPermissions, budgetOf, completeTeamLists, teamOwnerRef, type TeamOwners } from "./teams";

// Teams first: their repository permissions name the owners of repositories without CODEOWNERS,
// carried to the repos phase in the checkpoint (and dropped as repositories are read).
const PHASES = ["teams", "repos", "members"] as const;
type Phase = (typeof PHASES)[number];
type GithubCheckpoint = Checkpoint & { owners?: TeamOwners };

type HttpishError = { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> }; errors?: { type?: string; message?: string }[] };

/** Maps an Octokit failure onto the engine's three outcomes: delay, stop, retry. */
export function classifyGithubError(error: unknown, now = Date.now()): Error {
  if (error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError) return error;
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

function catalogFileOf(repo: RepoNode, config: GithubConfig): CatalogFile | null {
  return repo.catalog?.text !== undefined && repo.catalog !== null ? { yaml: repo.catalog.text, location: `${repo.url}/blob/${repo.defaultBranchRef?.name ?? "HEAD"}/${config.catalogPath}` } : null;
}

/** A repository's catalog file (plus the files its Locations bring in), or its inferred Component. */
async function repoItems(octokit: Octokit, repos: { repo: RepoNode; teamOwner: string | null }[], config: GithubConfig): Promise<{ items: StagedItem[]; requests: number; budgetUsed: number }> {
  const items: StagedItem[] = [];
  const roots: CatalogFile[] = [];
  for (const { repo, teamOwner } of repos) {
    const file = catalogFileOf(repo, config);
    if (file) {
      roots.push(file);
      items.push(file);
    } else items.push({ doc: inferredComponent(repo, { org: config.org, defaultOwner: config.defaultOwner, teamOwner }) });
  }
  const followed = await followLocations(octokit, roots, config.org);
  items.push(...followed.files, ...followed.errors.map((error) => ({ error })));
  return { items, requests: followed.requests, budgetUsed: followed.budgetUsed };
}

/** The team owner of one repository, from every team's permission on it (one request per 100 teams). */
async function teamOwnerOf(octokit: Octokit, config: GithubConfig, name: string, first: RepoResponse["organization"]): Promise<{ owner: string | null; requests: number; budgetUsed: number }> {
  const owners: TeamOwners = {};
  let page = first?.teams;
  let requests = 0;
  let budgetUsed = 0;
  while (page) {
    for (const team of page.nodes) addTeamPermissions(owners, team.slug, team.repositories.edges.filter((edge) => edge.node.name.toLowerCase() === name.toLowerCase()));
    if (!page.pageInfo.hasNextPage) break;
    const data = await octokit.graphql<RepoTeamsResponse>(REPO_TEAMS_QUERY, { owner: config.org, name, teamsCursor: page.pageInfo.endCursor });
    requests += 1;
    budgetUsed += budgetOf(data.rateLimit);
    page = data.organization?.teams;
  }
  return { owner: teamOwnerRef(owners, name), requests, budgetUsed };
}

/** One repository, for a webhook's targeted sync: usually one GraphQL request. No items when it is gone. */
export async function fetchGithubRepo(context: ConnectorContext, name: string): Promise<{ items: StagedItem[]; budgetUsed: number }> {
  const config = configSchemas.GITHUB.parse(context.config);
  try {
    const octokit = await githubClient(context);
    const data = await octokit.graphql<RepoResponse>(REPO_QUERY, { owner: config.org, name, catalogExpression: `HEAD:${config.catalogPath}` });
    if (!data.repository) return { items: [], budgetUsed: budgetOf(data.rateLimit) };
    const repo = data.repository;
    const needsTeamOwner = !catalogFileOf(repo, config);
    const team = needsTeamOwner ? await teamOwnerOf(octokit, config, repo.name, data.organization) : { owner: null, budgetUsed: 0 };
    const found = await repoItems(octokit, [{ repo, teamOwner: team.owner }], config);
    return { items: found.items, budgetUsed: budgetOf(data.rateLimit) + team.budgetUsed + found.budgetUsed };
  } catch (error) {
    const failure = error as { errors?: { type?: string }[] };
    if (failure.errors?.some((entry) => entry.type === "NOT_FOUND")) return { items: [], budgetUsed: 1 };
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
 * has changed (team membership and permission changes arrive by webhook, and any changed page
 * means a full sync).
 */
async function probeGithub(context: ConnectorContext, previous: Record<string, string>, sizes: Record<string, number>): Promise<ProbeResult> {
  const config = configSchemas.GITHUB.parse(context.config);
  let octokit: Octokit;
  try {
    octokit = await githubClient(context);
  } catch (error) {
    throw classifyGithubError(error);
  }
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

function next(phase: Phase, cursor: string | null, hasNext: boolean, owners?: TeamOwners): GithubCheckpoint | null {
  const following = hasNext ? phase : PHASES[PHASES.indexOf(phase) + 1];
  if (!following) return null;
  const carried = owners && following !== "members" ? { owners } : {};
  return { phase: following, cursor: hasNext ? cursor : null, ...carried };
}

function noOrganization(config: GithubConfig): PermanentError {
  return new PermanentError(`GitHub has no organization "${config.org}" visible to these credentials`);
}

async function teamsStep(octokit: Octokit, config: GithubConfig, checkpoint: GithubCheckpoint): Promise<StepResult> {
  const data = await octokit.graphql<TeamsResponse>(TEAMS_QUERY, { org: config.org, cursor: checkpoint.cursor, first: config.pageSize });
  const page = data.organization?.teams;
  if (!page) throw noOrganization(config);
  const more = await completeTeamLists(octokit, config.org, page.nodes);
  const owners: TeamOwners = { ...checkpoint.owners };
  for (const team of page.nodes) addTeamPermissions(owners, team.slug, team.repositories.edges);
  return {
    documents: page.nodes.map((team) => ({ doc: teamGroup(team) })),
    next: next("teams", page.pageInfo.endCursor, page.pageInfo.hasNextPage, owners),
    requests: 1 + more.requests,
    budgetUsed: budgetOf(data.rateLimit) + more.budgetUsed,
    total: page.totalCount,
    items: page.nodes.length,
  };
}

async function reposStep(octokit: Octokit, config: GithubConfig, checkpoint: GithubCheckpoint): Promise<StepResult> {
  const data = await octokit.graphql<ReposResponse>(REPOS_QUERY, { org: config.org, cursor: checkpoint.cursor, first: config.pageSize, catalogExpression: `HEAD:${config.catalogPath}` });
  const page = data.organization?.repositories;
  if (!page) throw noOrganization(config);
  const owners: TeamOwners = { ...checkpoint.owners };
  const found = await repoItems(
    octokit,
    page.nodes.map((repo) => ({ repo, teamOwner: teamOwnerRef(owners, repo.name) })),
    config,
  );
  // Owners of repositories already read are not needed again: the checkpoint shrinks as the listing goes.
  for (const repo of page.nodes) delete owners[repo.name.toLowerCase()];
  return {
    documents: found.items,
    next: next("repos", page.pageInfo.endCursor, page.pageInfo.hasNextPage, owners),
    requests: 1 + found.requests,
    budgetUsed: budgetOf(data.rateLimit) + found.budgetUsed,
    total: page.totalCount,
    items: page.nodes.length,
  };
}

async function membersStep(octokit: Octokit, config: GithubConfig, checkpoint: GithubCheckpoint): Promise<StepResult> {
  const data = await octokit.graphql<MembersResponse>(MEMBERS_QUERY, { org: config.org, cursor: checkpoint.cursor, first: config.pageSize });
  const page = data.organization?.membersWithRole;
  if (!page) throw noOrganization(config);
  return {
    documents: page.nodes.map((member) => ({ doc: memberUser(member) })),
    next: next("members", page.pageInfo.endCursor, page.pageInfo.hasNextPage),
    requests: 1,
    budgetUsed: budgetOf(data.rateLimit),
    total: page.totalCount,
    items: page.nodes.length,
  };
}

const STEPS: Record<Phase, typeof teamsStep> = { teams: teamsStep, repos: reposStep, members: membersStep };

export const githubConnector: Connector = {
  kind: "GITHUB",
  initialCheckpoint: () => ({ phase: PHASES[0], cursor: null }),
  probe: probeGithub,

  async step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult> {
    const config = configSchemas.GITHUB.parse(context.config);
    const step = STEPS[checkpoint.phase as Phase];
    if (!step) throw new PermanentError(`Unknown sync phase "${checkpoint.phase}"`);
    try {
      return await step(await githubClient(context), config, checkpoint as GithubCheckpoint);
    } catch (error) {
      throw classifyGithubError(error);
    }
  },

  async testConnection(context: ConnectorContext): Promise<ConnectionVerdict> {
    const config = configSchemas.GITHUB.parse(context.config);
    try {
      const data = await (await githubClient(context)).graphql<ViewerResponse>(VIEWER_QUERY, { org: config.org });
      if (!data.organization) return { ok: false, problem: `The credentials work, but GitHub has no organization "${config.org}" visible to them.` };
      const org = data.organization;
      return {
        ok: true,
        summary: `Connected to ${org.login}${config.authMethod === "app" ? " as a GitHub App installation" : ""}: ${org.repositories.totalCount} repositories, ${org.teams.totalCount} teams, ${org.membersWithRole.totalCount} members visible; ${data.rateLimit.remaining} of ${data.rateLimit.limit} GraphQL points left this hour.`,
      };
    } catch (error) {
      const classified = classifyGithubError(error);
      if (classified instanceof RateLimitedError) return { ok: false, problem: `${classified.message}; try again after ${new Date(classified.resetAt).toISOString()}.` };
      return { ok: false, problem: classified instanceof TransientError ? `Could not reach GitHub: ${classified.message}` : classified.message };
    }
  },
};
