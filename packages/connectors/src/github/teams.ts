import type { Octokit } from "@octokit/rest";

import { entityName } from "./entities";
import { teamPagesQuery, type RateLimitInfo, type RepositoryPermission, type TeamNode, type TeamPageRequest, type TeamPagesResponse, type TeamRepositoryEdge } from "./queries";

// Teams beyond the first page of their lists, and the owner a team's permission gives a
// repository without CODEOWNERS.

/** Connections paged per request: 25 × 100 nodes costs GitHub 1 point. */
const PAGES_PER_REQUEST = 25;

/** Permissions that make a team an owner, strongest first (triage and read do not). */
const OWNER_RANK: Partial<Record<RepositoryPermission, number>> = { ADMIN: 3, MAINTAIN: 2, WRITE: 1 };

/** Repository name (lower-cased) → the team with the highest permission on it, and that rank. */
export type TeamOwners = Record<string, [slug: string, rank: number]>;

/** Folds one team's repository permissions into `owners`; ties go to the first slug in order. */
export function addTeamPermissions(owners: TeamOwners, slug: string, edges: TeamRepositoryEdge[]): void {
  for (const edge of edges) {
    const rank = OWNER_RANK[edge.permission];
    if (!rank) continue;
    const key = edge.node.name.toLowerCase();
    const current = owners[key];
    if (!current || rank > current[1] || (rank === current[1] && slug < current[0])) owners[key] = [slug, rank];
  }
}

export function teamOwnerRef(owners: TeamOwners, repoName: string): string | null {
  const best = owners[repoName.toLowerCase()];
  return best ? `group:default/${entityName(best[0])}` : null;
}

type Paged = { requests: number; budgetUsed: number };

/**
 * Completes every team's member and repository lists past their first 100 entries (GitHub caps a
 * nested connection at 100), paging many teams' lists in each request until none has more.
 */
export async function completeTeamLists(octokit: Octokit, org: string, teams: TeamNode[]): Promise<Paged> {
  const bySlug = new Map(teams.map((team) => [team.slug, team]));
  let pending: TeamPageRequest[] = teams.flatMap((team) => [
    ...(team.members.pageInfo.hasNextPage && team.members.pageInfo.endCursor ? [{ slug: team.slug, list: "members" as const, cursor: team.members.pageInfo.endCursor }] : []),
    ...(team.repositories.pageInfo.hasNextPage && team.repositories.pageInfo.endCursor ? [{ slug: team.slug, list: "repositories" as const, cursor: team.repositories.pageInfo.endCursor }] : []),
  ]);
  let requests = 0;
  let budgetUsed = 0;
  while (pending.length > 0) {
    const batch = pending.slice(0, PAGES_PER_REQUEST);
    const { query, variables } = teamPagesQuery(batch);
    const data = await octokit.graphql<TeamPagesResponse>(query, { org, ...variables });
    requests += 1;
    budgetUsed += budgetOf(data.rateLimit);
    const next: TeamPageRequest[] = [];
    batch.forEach((request, index) => {
      const page = data.organization?.[`t${index}`];
      const team = bySlug.get(request.slug)!;
      // A team deleted meanwhile: keep what was read; the next sync sees it gone.
      if (request.list === "members" && page?.members) {
        team.members.nodes.push(...page.members.nodes);
        if (page.members.pageInfo.hasNextPage && page.members.pageInfo.endCursor) next.push({ ...request, cursor: page.members.pageInfo.endCursor });
      }
      if (request.list === "repositories" && page?.repositories) {
        team.repositories.edges.push(...page.repositories.edges);
        if (page.repositories.pageInfo.hasNextPage && page.repositories.pageInfo.endCursor) next.push({ ...request, cursor: page.repositories.pageInfo.endCursor });
      }
    });
    pending = [...pending.slice(PAGES_PER_REQUEST), ...next];
  }
  return { requests, budgetUsed };
}

export function budgetOf(rateLimit: RateLimitInfo | undefined): number {
  return rateLimit?.cost ?? 1;
}
