// The GraphQL the connector sends: one request per page of repositories carries each repo's
// catalog file and CODEOWNERS (GitHub prices it at 1 point per 100 repos); one per page of teams
// carries their members and repository permissions.

/** What we read of every repository, in the org listing and in a single-repo refresh alike. */
const REPO_FIELDS = `name nameWithOwner description isArchived url
  defaultBranchRef { name }
  primaryLanguage { name }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  catalog: object(expression: $catalogExpression) { ... on Blob { text } }
  codeowners: object(expression: "HEAD:.github/CODEOWNERS") { ... on Blob { text } }`;

export const REPOS_QUERY = `
  query ($org: String!, $cursor: String, $first: Int!, $catalogExpression: String!) {
    rateLimit { cost remaining resetAt }
    organization(login: $org) {
      repositories(first: $first, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          ${REPO_FIELDS}
        }
      }
    }
  }`;

/**
 * Which teams may write to one repository (a webhook's refresh of a repository without
 * CODEOWNERS): `query` narrows each team's list to names containing the repository's.
 */
const REPO_TEAMS = `teams(first: 100, after: $teamsCursor) {
        pageInfo { hasNextPage endCursor }
        nodes { slug repositories(first: 100, query: $name) { edges { permission node { name } } } }
      }`;

/** One repository and the first 100 teams' permissions on it: one request. */
export const REPO_QUERY = `
  query ($owner: String!, $name: String!, $catalogExpression: String!, $teamsCursor: String) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      ${REPO_FIELDS}
    }
    organization(login: $owner) {
      ${REPO_TEAMS}
    }
  }`;

/** More teams' permissions on one repository (organizations with over 100 teams). */
export const REPO_TEAMS_QUERY = `
  query ($owner: String!, $name: String!, $teamsCursor: String) {
    rateLimit { cost remaining resetAt }
    organization(login: $owner) {
      ${REPO_TEAMS}
    }
  }`;

type RepoTeams = { teams: { pageInfo: PageInfo; nodes: { slug: string; repositories: { edges: TeamRepositoryEdge[] } }[] } };
export type RepoTeamsResponse = { rateLimit: RateLimitInfo; organization: RepoTeams | null };
export type RepoResponse = { rateLimit: RateLimitInfo; repository: RepoNode | null; organization: RepoTeams | null };

// Teams come with their first 100 immediate members and repositories (with the team's permission,
// which names the owner of a repository without CODEOWNERS); longer lists are paged with
// teamPagesQuery, many teams per request.
const TEAM_MEMBERS = `pageInfo { hasNextPage endCursor } nodes { login }`;
const TEAM_REPOSITORIES = `pageInfo { hasNextPage endCursor } edges { permission node { name } }`;

export const TEAMS_QUERY = `
  query ($org: String!, $cursor: String, $first: Int!) {
    rateLimit { cost remaining resetAt }
    organization(login: $org) {
      teams(first: $first, after: $cursor) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          slug name description parentTeam { slug }
          members(first: 100, membership: IMMEDIATE) { ${TEAM_MEMBERS} }
          repositories(first: 100) { ${TEAM_REPOSITORIES} }
        }
      }
    }
  }`;

export type TeamPageRequest = { slug: string; list: "members" | "repositories"; cursor: string };

/** The next page of several teams' member or repository lists, in one request (aliases t0, t1…). */
export function teamPagesQuery(requests: TeamPageRequest[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = requests.map((request, index) => {
    variables[`s${index}`] = request.slug;
    variables[`c${index}`] = request.cursor;
    declarations.push(`$s${index}: String!`, `$c${index}: String!`);
    const list =
      request.list === "members" ? `members(first: 100, after: $c${index}, membership: IMMEDIATE) { ${TEAM_MEMBERS} }` : `repositories(first: 100, after: $c${index}) { ${TEAM_REPOSITORIES} }`;
    return `t${index}: team(slug: $s${index}) { ${list} }`;
  });
  return {
    query: `query ($org: String!, ${declarations.join(", ")}) { rateLimit { cost remaining resetAt } organization(login: $org) { ${fields.join(" ")} } }`,
    variables,
  };
}

export type TeamPagesResponse = {
  rateLimit: RateLimitInfo;
  organization: Record<string, { members?: TeamNode["members"]; repositories?: TeamNode["repositories"] } | null> | null;
};

export type FileRequest = { owner: string; name: string; expression: string };

/** Files anywhere in the organization's repositories, in one request (aliases f0, f1…). */
export function filesQuery(files: FileRequest[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = files.map((file, index) => {
    variables[`o${index}`] = file.owner;
    variables[`n${index}`] = file.name;
    variables[`e${index}`] = file.expression;
    declarations.push(`$o${index}: String!`, `$n${index}: String!`, `$e${index}: String!`);
    return `f${index}: repository(owner: $o${index}, name: $n${index}) { object(expression: $e${index}) { ... on Blob { text } } }`;
  });
  return { query: `query (${declarations.join(", ")}) { rateLimit { cost remaining resetAt } ${fields.join(" ")} }`, variables };
}

export type FilesResponse = { rateLimit?: RateLimitInfo } & Record<string, { object: { text?: string } | null } | null>;

export const MEMBERS_QUERY = `
  query ($org: String!, $cursor: String, $first: Int!) {
    rateLimit { cost remaining resetAt }
    organization(login: $org) {
      membersWithRole(first: $first, after: $cursor) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { login name email avatarUrl }
      }
    }
  }`;

export const VIEWER_QUERY = `
  query ($org: String!) {
    rateLimit { cost remaining resetAt limit }
    organization(login: $org) { login repositories(first: 1) { totalCount } teams(first: 1) { totalCount } membersWithRole(first: 1) { totalCount } }
  }`;

type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type Page<T> = { totalCount: number; pageInfo: PageInfo; nodes: T[] };
export type RateLimitInfo = { cost: number; remaining: number; resetAt: string };

export type RepoNode = {
  name: string;
  nameWithOwner: string;
  description: string | null;
  isArchived: boolean;
  url: string;
  defaultBranchRef: { name: string } | null;
  primaryLanguage: { name: string } | null;
  repositoryTopics: { nodes: { topic: { name: string } }[] };
  catalog: { text: string } | null;
  codeowners: { text: string } | null;
};
/** GitHub's RepositoryPermission. */
export type RepositoryPermission = "ADMIN" | "MAINTAIN" | "WRITE" | "TRIAGE" | "READ";
export type TeamRepositoryEdge = { permission: RepositoryPermission; node: { name: string } };
export type TeamNode = {
  slug: string;
  name: string;
  description: string | null;
  parentTeam: { slug: string } | null;
  members: { pageInfo: PageInfo; nodes: { login: string }[] };
  repositories: { pageInfo: PageInfo; edges: TeamRepositoryEdge[] };
};
export type MemberNode = { login: string; name: string | null; email: string | null; avatarUrl: string | null };

export type ReposResponse = { rateLimit: RateLimitInfo; organization: { repositories: Page<RepoNode> } | null };
export type TeamsResponse = { rateLimit: RateLimitInfo; organization: { teams: Page<TeamNode> } | null };
export type MembersResponse = { rateLimit: RateLimitInfo; organization: { membersWithRole: Page<MemberNode> } | null };
export type ViewerResponse = {
  rateLimit: RateLimitInfo & { limit: number };
  organization: { login: string; repositories: { totalCount: number }; teams: { totalCount: number }; membersWithRole: { totalCount: number } } | null;
};
