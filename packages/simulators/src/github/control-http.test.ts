import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "./index";

// The /_control HTTP API, for a simulator in another process (the demo, a browser test): the
// same operations as `simulator.control`, reachable with plain fetch.

let simulator: GithubSimulator;
let octokit: Octokit;
beforeAll(async () => {
  simulator = await createGithubSimulator({ seed: { repos: 20, seed: 13 } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
});
afterAll(() => simulator.close());

async function control(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}/_control/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("control HTTP API", () => {
  it("tells a demo how to connect: app id, key, tokens, installations, orgs", async () => {
    const { json } = await control("app");
    expect(json).toMatchObject({ id: simulator.app.id, tokens: [DEFAULT_GITHUB_TOKEN] });
    expect(String(json.privateKey)).toContain("BEGIN PRIVATE KEY");
    expect((json.installations as unknown[]).length).toBe(1);
    expect((await control("orgs")).json).toEqual([{ login: "acme", repos: 20, teams: 3, members: 6 }]);
  });

  it("pushes a file over HTTP; the API serves it right after", async () => {
    const name = [...simulator.state.org("acme")!.repos.keys()][0]!;
    const { status, json } = await control("push", { repo: name, path: "catalog-info.yaml", content: "kind: Component\n" });
    expect(status).toBe(200);
    expect((json.commit as { after: string }).after).toBe(simulator.state.org("acme")!.repos.get(name)!.headSha);
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "acme", repo: name, path: "catalog-info.yaml", mediaType: { format: "raw" } });
    expect(raw.data).toBe("kind: Component\n");
    // No webhook target here: the delivery is recorded as undeliverable, not lost silently.
    expect((json.delivery as { error: string }).error).toBe("no webhook target configured");
  });

  it("scripts faults, rate limits and the clock over HTTP", async () => {
    await control("faults/fail-next", { path: "/orgs/acme/teams", status: 502, count: 1 });
    await expect(octokit.rest.teams.list({ org: "acme" })).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.teams.list({ org: "acme" })).status).toBe(200);

    await control("rate-limit/remaining", { token: DEFAULT_GITHUB_TOKEN, resource: "core", remaining: 0 });
    await expect(octokit.rest.teams.list({ org: "acme" })).rejects.toMatchObject({ status: 403 });
    await control("clock", { seconds: 3601 });
    expect((await octokit.rest.teams.list({ org: "acme" })).status).toBe(200);

    const stats = (await control("stats")).json as { requests: number; byStatus: Record<string, number> };
    expect(stats.byStatus["502"]).toBe(1);
    expect(stats.byStatus["403"]).toBe(1);
  });

  it("reseeds an org and explains unknown operations", async () => {
    await control("reseed", { org: "acme", repos: 5, seed: 99 });
    expect((await octokit.rest.repos.listForOrg({ org: "acme" })).data).toHaveLength(5);
    const unknown = await control("nope", {});
    expect(unknown.status).toBe(404);
    expect((unknown.json.operations as { post: string[] }).post).toContain("push");
    const invalid = await control("push", { path: "x" });
    expect(invalid).toMatchObject({ status: 400, json: { message: '"repo" is required' } });
  });
});
