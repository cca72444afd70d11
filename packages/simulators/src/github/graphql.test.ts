import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "./index";

// The GraphQL subset the connector uses to cut requests: repositories with their catalog file
// and CODEOWNERS in one query per 100 repos, teams with members, org members — priced with
// GitHub's cost model and spent from the graphql bucket.

const REPOS_QUERY = `
  query ($org: String!, $cursor: String) {
    rateLimit { cost remaining used limit nodeCount resetAt }
    organization(login: $org) {
      repositories(first: 100, after: $cursor) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          name nameWithOwner description isArchived url
          defaultBranchRef { name target { oid } }
          primaryLanguage { name }
          repositoryTopics(first: 20) { nodes { topic { name } } }
          catalog: object(expression: "HEAD:catalog-info.yaml") { ... on Blob { text oid } }
          codeowners: object(expression: "HEAD:.github/CODEOWNERS") { ... on Blob { text } }
        }
      }
    }
  }`;

const TEAMS_QUERY = `
  query ($org: String!, $cursor: String) {
    organization(login: $org) {
      teams(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { slug name description parentTeam { slug } members(first: 100, membership: IMMEDIATE) { nodes { login name email } } }
      }
      membersWithRole(first: 100) { totalCount nodes { login name email avatarUrl } }
    }
  }`;

type RepoNode = { name: string; isArchived: boolean; defaultBranchRef: { name: string; target: { oid: string } }; primaryLanguage: { name: string } | null; repositoryTopics: { nodes: { topic: { name: string } }[] }; catalog: { text: string; oid: string } | null; codeowners: { text: string } | null };
type ReposPage = { rateLimit: { cost: number; remaining: number; used: number; nodeCount: number }; organization: { repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RepoNode[] } } };

let simulator: GithubSimulator;
let octokit: Octokit;
beforeAll(async () => {
  simulator = await createGithubSimulator({ seed: { repos: 250, teams: 20, people: 80, seed: 9 } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
});
afterAll(() => simulator.close());

async function allRepos(): Promise<{ nodes: RepoNode[]; requests: number; pages: ReposPage[] }> {
  const nodes: RepoNode[] = [];
  const pages: ReposPage[] = [];
  let cursor: string | null = null;
  do {
    const page: ReposPage = await octokit.graphql<ReposPage>(REPOS_QUERY, { org: "acme", cursor });
    pages.push(page);
    nodes.push(...page.organization.repositories.nodes);
    cursor = page.organization.repositories.pageInfo.hasNextPage ? page.organization.repositories.pageInfo.endCursor : null;
  } while (cursor);
  return { nodes, requests: pages.length, pages };
}

describe("GraphQL", () => {
  it("lists 250 repos with their catalog files and CODEOWNERS in 3 requests", async () => {
    const { nodes, requests, pages } = await allRepos();
    expect(requests).toBe(3);
    expect(nodes).toHaveLength(250);
    const org = simulator.state.org("acme")!;
    for (const node of nodes) {
      const repo = org.repos.get(node.name)!;
      expect(node.catalog?.text ?? null).toBe(repo.files.get("catalog-info.yaml")?.content ?? null);
      expect(node.codeowners?.text ?? null).toBe(repo.files.get(".github/CODEOWNERS")?.content ?? null);
      expect(node.defaultBranchRef.target.oid).toBe(repo.headSha);
      expect(node.repositoryTopics.nodes.map((topic) => topic.topic.name)).toEqual(repo.topics);
      expect(node.primaryLanguage?.name ?? null).toBe(repo.language);
    }
    expect(nodes.filter((node) => node.catalog).length).toBeGreaterThan(40);
    // 1 repositories request + 100 topic requests → cost 1 per page, as GitHub prices it.
    expect(pages.map((page) => page.rateLimit.cost)).toEqual([1, 1, 1]);
    expect(pages[2]!.rateLimit.used).toBe(pages[0]!.rateLimit.used + 2);
    expect(pages[0]!.rateLimit.nodeCount).toBe(100 + 100 * 20);
  });

  it("accounts cost in x-ratelimit-* headers of resource graphql", async () => {
    const before = (await octokit.rest.rateLimit.get()).data.resources;
    const response = await octokit.request("POST /graphql", { query: TEAMS_QUERY, variables: { org: "acme", cursor: null } });
    expect(response.headers["x-ratelimit-resource"]).toBe("graphql");
    // teams(100) + 100 × members(100) + membersWithRole(100) = 102 requests → cost 1.
    expect(Number(response.headers["x-ratelimit-used"])).toBe(before.graphql!.used + 1);
    const after = (await octokit.rest.rateLimit.get()).data.resources;
    expect(after.core.used).toBe(before.core.used);
  });

  it("returns teams with parents and immediate members, and org members", async () => {
    type TeamsPage = { organization: { teams: { nodes: { slug: string; parentTeam: { slug: string } | null; members: { nodes: { login: string; email: string }[] } }[] }; membersWithRole: { totalCount: number; nodes: { login: string; email: string; avatarUrl: string }[] } } };
    const page = await octokit.graphql<TeamsPage>(TEAMS_QUERY, { org: "acme", cursor: null });
    const org = simulator.state.org("acme")!;
    expect(page.organization.teams.nodes).toHaveLength(org.teams.size);
    for (const team of page.organization.teams.nodes) {
      expect(team.parentTeam?.slug ?? null).toBe(org.teams.get(team.slug)!.parentSlug);
      expect(team.members.nodes.map((member) => member.login).sort()).toEqual([...org.teams.get(team.slug)!.members.keys()].sort());
    }
    expect(page.organization.membersWithRole.totalCount).toBe(80);
    expect(page.organization.membersWithRole.nodes.every((member) => typeof member.email === "string")).toBe(true);
  });

  it("pages with cursors that survive a deletion between pages", async () => {
    const query = `query($cursor: String) { organization(login: "acme") { repositories(first: 10, after: $cursor, orderBy: {field: NAME, direction: ASC}) { pageInfo { endCursor } nodes { name } } } }`;
    type Page = { organization: { repositories: { pageInfo: { endCursor: string }; nodes: { name: string }[] } } };
    const first = await octokit.graphql<Page>(query, { cursor: null });
    const names = first.organization.repositories.nodes.map((node) => node.name);
    expect(names).toEqual([...names].sort());
    await simulator.control.deleteRepo(names[9]!);
    const second = await octokit.graphql<Page>(query, { cursor: first.organization.repositories.pageInfo.endCursor });
    const all = [...simulator.state.org("acme")!.repos.keys()].sort();
    expect(second.organization.repositories.nodes.map((node) => node.name)).toEqual(all.slice(9, 19));
  });

  it("answers GitHub's errors: missing/oversized page, unknown field, unknown org", async () => {
    type Errors = { errors: { type?: string; message: string }[] };
    const ask = async (query: string) => (await octokit.request("POST /graphql", { query })).data as Errors;
    expect((await ask(`{ organization(login: "acme") { repositories { totalCount } } }`)).errors[0]!.type).toBe("MISSING_PAGINATION_BOUNDARIES");
    const oversized = await ask(`{ organization(login: "acme") { repositories(first: 101) { totalCount } } }`);
    expect(oversized.errors[0]!.message).toBe("Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.");
    expect((await ask(`{ organization(login: "acme") { nope } }`)).errors[0]!.message).toMatch(/Cannot query field "nope" on type "Organization"/);
    const missing = await ask(`{ organization(login: "nobody-here") { login } }`);
    expect(missing.errors[0]).toMatchObject({ type: "NOT_FOUND", message: "Could not resolve to an Organization with the login of 'nobody-here'." });
    const tooBig = await ask(`{ organization(login: "acme") { teams(first: 100) { nodes { members(first: 100) { nodes { repositories: login } } repositories(first: 100) { nodes { repositoryTopics(first: 100) { totalCount } } } } } } }`);
    expect(tooBig.errors[0]!.type).toBe("MAX_NODE_LIMIT_EXCEEDED");
  });

  it("requires authentication and refuses when the graphql budget is spent", async () => {
    const anonymous = await fetch(`${simulator.url}/graphql`, { method: "POST", body: JSON.stringify({ query: "{ rateLimit { cost } }" }) });
    expect(anonymous.status).toBe(401);
    simulator.control.setRemaining(DEFAULT_GITHUB_TOKEN, "graphql", 0);
    const spent = await fetch(`${simulator.url}/graphql`, { method: "POST", headers: { authorization: `bearer ${DEFAULT_GITHUB_TOKEN}` }, body: JSON.stringify({ query: "{ rateLimit { cost } }" }) });
    expect(spent.status).toBe(403);
    expect(spent.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(spent.headers.get("x-ratelimit-resource")).toBe("graphql");
    simulator.control.resetRateLimits();
  });
});
