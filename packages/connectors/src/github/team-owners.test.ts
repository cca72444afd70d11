import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, seedGithubOrg } from "@greenroom/simulators/github";
import { describe, expect, it } from "vitest";

import { requestSync } from "../framework/schedule";
import { connectGithub, documentOf, finishedRuns, newTenant, refsOf, waitFor } from "../testing/github-test-kit";
import { isolateSyncTestEnv, useGithubSyncHarness } from "../testing/github-sync-harness";

// Owners from team permissions and teams past GitHub's 100-per-connection cap, against real
// Postgres, Redis and the GitHub simulator over HTTP.
isolateSyncTestEnv("owners");

const SECRET = "owners-webhook-secret";
const harness = useGithubSyncHarness(() =>
  createGithubSimulator({
    orgs: [
      seedGithubOrg({ org: "owners", repos: 3, teams: 3, people: 6, seed: 9, codeownersRatio: 0, catalogFileRatio: 0 }),
      seedGithubOrg({ org: "big", repos: 120, teams: 2, people: 10, largeTeamMembers: 150, seed: 13, codeownersRatio: 0, catalogFileRatio: 0 }),
    ],
    secondaryLimits: false,
  }),
);

type Permission = "admin" | "maintain" | "push" | "triage" | "pull";

/** A repository without CODEOWNERS or catalog file, with exactly these team permissions. */
async function repoWith(name: string, permissions: Record<string, Permission>, files?: Record<string, string>): Promise<void> {
  await harness.github.control.createRepo({ org: "owners", name, ...(files ? { files } : {}) });
  const org = harness.github.state.org("owners")!;
  for (const [slug, permission] of Object.entries(permissions)) org.teams.get(slug)!.repos.set(name, permission);
  harness.github.state.touch();
}

async function ownerOf(tenantId: string, repo: string): Promise<unknown> {
  return (await documentOf(tenantId, `component:default/${repo}`))?.spec?.owner;
}

describe("owners from team permissions", () => {
  it("gives a repository without CODEOWNERS the team with the highest permission; CODEOWNERS wins; the default owner is the last resort", async () => {
    const [a, b, c] = [...harness.github.state.org("owners")!.teams.keys()].sort() as [string, string, string];
    await repoWith("perm-admin", { [a]: "push", [b]: "admin", [c]: "maintain" });
    await repoWith("perm-maintain", { [a]: "maintain", [b]: "push", [c]: "triage" });
    await repoWith("perm-push", { [a]: "pull", [c]: "push" });
    await repoWith("perm-tie", { [c]: "admin", [b]: "admin" });
    await repoWith("perm-none", { [a]: "pull", [b]: "triage" });
    await repoWith("codeowners-wins", { [a]: "admin" }, { "README.md": "# x\n", ".github/CODEOWNERS": `* @owners/${c}\n` });

    const tenantId = await newTenant("owners");
    const integration = await connectGithub(tenantId, { baseUrl: harness.github.url, org: "owners", defaultOwner: "group:default/fallback" }, { token: DEFAULT_GITHUB_TOKEN, webhookSecret: SECRET });
    await requestSync(tenantId, integration.id, "manual");
    const run = await finishedRuns(tenantId, integration.id);
    expect(run.status).toBe("succeeded");
    // Team permissions come with the teams listing: no request more than teams + repos + members.
    expect(run.progress).toMatchObject({ teams: { done: 3 }, repos: { done: 9 }, members: { done: 6 } });
    expect(run.requests).toBe(3 + 6); // then 6 REST pages (2 per listing) record the ETags

    expect(await ownerOf(tenantId, "perm-admin")).toBe(`group:default/${b}`);
    expect(await ownerOf(tenantId, "perm-maintain")).toBe(`group:default/${a}`);
    expect(await ownerOf(tenantId, "perm-push")).toBe(`group:default/${c}`);
    expect(await ownerOf(tenantId, "perm-tie")).toBe(`group:default/${b < c ? b : c}`);
    expect(await ownerOf(tenantId, "perm-none")).toBe("group:default/fallback");
    expect(await ownerOf(tenantId, "codeowners-wins")).toBe(`group:default/${c}`);

    // A push's targeted sync (one repository) finds the same team owner.
    harness.webhookTarget = { tenantId, integrationId: integration.id };
    harness.github.control.setWebhook({ url: harness.webhookUrl, secret: SECRET });
    try {
      harness.github.state.org("owners")!.teams.get(a)!.repos.set("perm-admin", "admin");
      harness.github.state.org("owners")!.teams.get(b)!.repos.set("perm-admin", "push");
      harness.github.state.touch();
      const delivery = await harness.github.control.push("owners/perm-admin", { path: "README.md", content: "# now owned by a\n" });
      expect(delivery.delivery).toMatchObject({ event: "push", status: 202 });
      await waitFor(async () => (await ownerOf(tenantId, "perm-admin")) === `group:default/${a}`);
    } finally {
      harness.github.control.setWebhook(null);
    }
  });

  it("pages teams' members and repositories past 100, many teams per request", async () => {
    const org = harness.github.state.org("big")!;
    const [first, second] = [...org.teams.values()].sort((x, y) => x.id - y.id) as [NonNullable<ReturnType<typeof org.teams.get>>, NonNullable<ReturnType<typeof org.teams.get>>];
    expect(first.members.size).toBeGreaterThan(100);
    // The second team may write to every repository: its repository list needs a second page too.
    for (const name of org.repos.keys()) if (!second.repos.has(name) || second.repos.get(name) === "pull") second.repos.set(name, "push");
    harness.github.state.touch();
    expect(second.repos.size).toBeGreaterThan(100);

    const tenantId = await newTenant("big");
    const integration = await connectGithub(tenantId, { baseUrl: harness.github.url, org: "big" }, { token: DEFAULT_GITHUB_TOKEN });
    harness.github.control.resetStats();
    await requestSync(tenantId, integration.id, "manual");
    const run = await finishedRuns(tenantId, integration.id);
    expect(run.status).toBe("succeeded");
    // GraphQL: 1 page of teams + 1 request for both teams' second pages, 2 pages of repos, 2 of members.
    expect(harness.github.control.stats().byEndpoint["POST /graphql"]).toBe(1 + 1 + 2 + 2);

    const group = await documentOf(tenantId, `group:default/${first.slug}`);
    const members = (group!.spec!.members as string[]).map((ref) => ref.replace("user:default/", ""));
    expect(members.sort()).toEqual([...first.members.keys()].sort());
    expect(new Set(members).size).toBe(first.members.size);

    // Every repository's owner is the team with the highest permission on it, past the first 100 too.
    const rank: Record<string, number> = { admin: 3, maintain: 2, push: 1 };
    const expected = (repo: string) => {
      const candidates = [...org.teams.values()].filter((team) => rank[team.repos.get(repo) ?? ""]).sort((x, y) => rank[y.repos.get(repo)!]! - rank[x.repos.get(repo)!]! || (x.slug < y.slug ? -1 : 1));
      return candidates[0] ? `group:default/${candidates[0].slug}` : "unknown";
    };
    const refs = new Set(await refsOf(tenantId, integration.id));
    for (const repo of org.repos.keys()) {
      expect(refs.has(`component:default/${repo}`)).toBe(true);
      expect(await ownerOf(tenantId, repo)).toBe(expected(repo));
    }
  }, 60_000);
});
