// The GraphQL the connector sends: one request per page of repositories carries each repo's
// catalog file and CODEOWNERS (GitHub prices it at 1 point per 100 repos).

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

export const REPO_QUERY = `
  query ($owner: String!, $name: String!, $catalogExpression: String!) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      ${REPO_FIELDS}
    }
  }`;

export type RepoResponse = { rateLimit: RateLimitInfo; repository: RepoNode | null };

export const TEAMS_QUERY = `
  query ($org: String!, $cursor: String, $first: Int!) {
    rateLimit { cost remaining resetAt }
    organization(login: $org) {
      teams(first: $first, after: $cursor) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { slug name description parentTeam { slug } members(first: 100, membership: IMMEDIATE) { nodes { login } } }
      }
    }
  }`;

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

type Page<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };
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
export type TeamNode = { slug: string; name: string; description: string | null; parentTeam: { slug: string } | null; members: { nodes: { login: string }[] } };
export type MemberNode = { login: string; name: string | null; email: string | null; avatarUrl: string | null };

export type ReposResponse = { rateLimit: RateLimitInfo; organization: { repositories: Page<RepoNode> } | null };
export type TeamsResponse = { rateLimit: RateLimitInfo; organization: { teams: Page<TeamNode> } | null };
export type MembersResponse = { rateLimit: RateLimitInfo; organization: { membersWithRole: Page<MemberNode> } | null };
export type ViewerResponse = {
  rateLimit: RateLimitInfo & { limit: number };
  organization: { login: string; repositories: { totalCount: number }; teams: { totalCount: number }; membersWithRole: { totalCount: number } } | null;
};
