import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "./index";

// The 10,000-repo org the benchmark syncs: a full GraphQL walk fits in 100 requests and a small
// share of the hourly budget, and an unchanged REST re-list answers 304s for free. Timings are
// the benchmark's business (`pnpm bench`); this test only checks counts and budgets.

let simulator: GithubSimulator;
let octokit: Octokit;
beforeAll(async () => {
  simulator = await createGithubSimulator({ seed: { repos: 10_000, teams: 500, people: 3_000, seed: 1 } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
}, 60_000);
afterAll(() => simulator.close());

describe("a 10,000-repo org", () => {
  it("lists every repo with its catalog file in 100 GraphQL requests", async () => {
    type Page = { organization: { repositories: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string; catalog: { text: string } | null }[] } } };
    const query = `query($cursor: String) { organization(login: "acme") { repositories(first: 100, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes { name catalog: object(expression: "HEAD:catalog-info.yaml") { ... on Blob { text } } repositoryTopics(first: 20) { nodes { topic { name } } } } } } }`;
    const names = new Set<string>();
    let withCatalog = 0;
    let cursor: string | null = null;
    let requests = 0;
    do {
      const page: Page = await octokit.graphql<Page>(query, { cursor });
      requests++;
      for (const node of page.organization.repositories.nodes) {
        names.add(node.name);
        if (node.catalog) withCatalog++;
      }
      cursor = page.organization.repositories.pageInfo.hasNextPage ? page.organization.repositories.pageInfo.endCursor : null;
    } while (cursor);
    expect(requests).toBe(100);
    expect(names.size).toBe(10_000);
    expect(withCatalog).toBeGreaterThan(2_700);
    const budget = (await octokit.rest.rateLimit.get()).data.resources.graphql!;
    expect(budget.used).toBe(100);
    console.info(`GraphQL walk of 10,000 repos: ${requests} requests, ${budget.used} points`);
  });

  it("re-lists all 100 REST pages as free 304s when nothing changed", async () => {
    const first = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 100 });
    const pages = Number(/page=(\d+)>; rel="last"/.exec(first.headers.link!)![1]);
    expect(pages).toBe(100);
    const etags = await Promise.all(
      Array.from({ length: pages }, async (_, index) => (await octokit.rest.repos.listForOrg({ org: "acme", per_page: 100, page: index + 1 })).headers.etag!),
    );
    const used = (await octokit.rest.rateLimit.get()).data.resources.core.used;
    const statuses = await Promise.all(
      etags.map((etag, index) =>
        octokit.rest.repos.listForOrg({ org: "acme", per_page: 100, page: index + 1, headers: { "if-none-match": etag } }).then(
          (response) => response.status,
          (error: { status: number }) => error.status,
        ),
      ),
    );
    expect(statuses.every((status) => status === 304)).toBe(true);
    expect((await octokit.rest.rateLimit.get()).data.resources.core.used).toBe(used);
  });
});
