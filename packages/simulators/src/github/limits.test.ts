import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator, type GithubSimulatorOptions } from "./index";

// Paging, conditional requests and rate limits, driven by Octokit the way the connector will be:
// the headers and statuses here are what @octokit/plugin-throttling and the sync engine react to.

let simulator: GithubSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(options: GithubSimulatorOptions = {}) {
  simulator = await createGithubSimulator({ seed: { repos: 250, seed: 5 }, ...options });
  return { simulator, octokit: new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN }) };
}

type Failure = { status: number; headers: Record<string, string | undefined>; message: string };
async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const failed = error as { status: number; message: string; response?: { headers: Record<string, string | undefined> } };
    return { status: failed.status, headers: failed.response?.headers ?? {}, message: failed.message };
  }
  throw new Error("expected the request to fail");
}

describe("pagination", () => {
  it("returns all 250 repos across Link-paged pages, newest first by default", async () => {
    const { octokit } = await start();
    const first = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 100 });
    expect(first.headers.link).toContain('page=2>; rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.repos.listForOrg, { org: "acme", per_page: 100 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((repo) => repo.id)).size).toBe(250);
    expect(all[0]!.created_at! > all[249]!.created_at!).toBe(true);
    const byName = await octokit.paginate(octokit.rest.repos.listForOrg, { org: "acme", per_page: 100, sort: "full_name" });
    expect(byName.map((repo) => repo.name)).toEqual([...byName.map((repo) => repo.name)].sort());
  });

  it("caps per_page at 100 and omits Link when everything fits", async () => {
    const { octokit } = await start();
    expect((await octokit.rest.repos.listForOrg({ org: "acme", per_page: 500 })).data).toHaveLength(100);
    const members = await octokit.rest.orgs.listMembers({ org: "acme", per_page: 100 });
    expect(members.data.length).toBeLessThanOrEqual(100);
    expect(members.headers.link).toBeUndefined();
  });
});

describe("conditional requests", () => {
  it("answers If-None-Match with 304 without spending the budget; a change gives a new ETag", async () => {
    const { simulator, octokit } = await start();
    const first = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 100 });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const remaining = Number(first.headers["x-ratelimit-remaining"]);

    for (let attempt = 0; attempt < 3; attempt++) {
      const notModified = await failure(octokit.rest.repos.listForOrg({ org: "acme", per_page: 100, headers: { "if-none-match": etag } }));
      expect(notModified.status).toBe(304);
      expect(Number(notModified.headers["x-ratelimit-remaining"])).toBe(remaining);
    }
    expect((await octokit.rest.rateLimit.get()).data.resources.core.remaining).toBe(remaining);

    const newest = first.data[0]!;
    await simulator.control.push(newest.name, { path: "README.md", content: "# changed\n" });
    const changed = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 100, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(Number(changed.headers["x-ratelimit-remaining"])).toBe(remaining - 1);
  });

  it("gives every GET an ETag (contents, repos, teams)", async () => {
    const { octokit } = await start();
    const repo = (await octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 })).data[0]!;
    const content = await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "README.md" });
    expect(content.headers.etag).toBeTruthy();
    const again = await failure(octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "README.md", headers: { "if-none-match": content.headers.etag! } }));
    expect(again.status).toBe(304);
    expect((await octokit.rest.teams.list({ org: "acme" })).headers.etag).toBeTruthy();
  });
});

describe("primary rate limit", () => {
  it("spends a real budget and answers 403 with x-ratelimit-remaining: 0 when it is gone", async () => {
    const { simulator, octokit } = await start({ rateLimit: { core: 5 } });
    for (let index = 0; index < 5; index++) {
      const response = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 });
      expect(response.headers["x-ratelimit-limit"]).toBe("5");
      expect(response.headers["x-ratelimit-used"]).toBe(String(index + 1));
      expect(response.headers["x-ratelimit-resource"]).toBe("core");
    }
    const limited = await failure(octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 }));
    expect(limited.status).toBe(403);
    expect(limited.headers["x-ratelimit-remaining"]).toBe("0");
    expect(limited.message).toMatch(/API rate limit exceeded/);
    const reset = Number(limited.headers["x-ratelimit-reset"]);
    expect(reset).toBeGreaterThan(Date.now() / 1000);

    simulator.control.advanceClock(3601);
    const after = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 });
    expect(after.headers["x-ratelimit-used"]).toBe("1");
  });

  it("keeps budgets per token and lets a test drain one", async () => {
    const { simulator, octokit } = await start({ tokens: [DEFAULT_GITHUB_TOKEN, "github_pat_other"] });
    simulator.control.setRemaining(DEFAULT_GITHUB_TOKEN, "core", 0);
    expect((await failure(octokit.rest.repos.listForOrg({ org: "acme" }))).status).toBe(403);
    const other = new Octokit({ baseUrl: simulator.url, auth: "github_pat_other" });
    expect((await other.rest.repos.listForOrg({ org: "acme" })).headers["x-ratelimit-remaining"]).toBe("4999");
  });
});

describe("anonymous access", () => {
  it("sees public repositories only, on the 60-an-hour IP budget", async () => {
    const { simulator } = await start();
    const anonymous = new Octokit({ baseUrl: simulator.url });
    const response = await anonymous.rest.repos.listForOrg({ org: "acme", per_page: 100 });
    expect(response.headers["x-ratelimit-limit"]).toBe("60");
    const publicCount = [...simulator.state.org("acme")!.repos.values()].filter((repo) => repo.visibility === "public").length;
    expect(response.data).toHaveLength(publicCount);
    expect(response.data.every((repo) => !repo.private)).toBe(true);
    expect((await failure(anonymous.rest.teams.list({ org: "acme" }))).status).toBe(403);
  });
});

describe("secondary rate limits", () => {
  it("answers a burst over the per-endpoint points with 429 + retry-after, then recovers", async () => {
    const { simulator, octokit } = await start({ secondaryLimits: { restPointsPerMinute: 3, status: 429, retryAfterSeconds: 7 } });
    for (let index = 0; index < 3; index++) await octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 });
    const limited = await failure(octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 }));
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("7");
    expect(limited.message).toMatch(/secondary rate limit/);
    expect(Number(limited.headers["x-ratelimit-remaining"])).toBeGreaterThan(0);
    // Limited principals stay limited on every endpoint until retry-after has passed.
    expect((await failure(octokit.rest.teams.list({ org: "acme" }))).status).toBe(429);
    simulator.control.advanceClock(61);
    expect((await octokit.rest.teams.list({ org: "acme" })).status).toBe(200);
  });

  it("limits concurrent requests per token", async () => {
    const { octokit } = await start({ secondaryLimits: { maxConcurrent: 2, retryAfterSeconds: 1 }, faults: { latencyMs: 100 } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => octokit.rest.repos.listForOrg({ org: "acme", per_page: 1 })));
    const statuses = results.map((result) => (result.status === "fulfilled" ? result.value.status : (result.reason as { status: number }).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 403)).toHaveLength(3);
  });

  it("can be scripted for one request", async () => {
    const { simulator, octokit } = await start();
    simulator.control.failNext({ path: "/orgs/acme/repos", kind: "secondary", retryAfterSeconds: 30 });
    const limited = await failure(octokit.rest.repos.listForOrg({ org: "acme" }));
    expect(limited.status).toBe(403);
    expect(limited.headers["retry-after"]).toBe("30");
    expect((await octokit.rest.repos.listForOrg({ org: "acme" })).status).toBe(200);
  });
});
