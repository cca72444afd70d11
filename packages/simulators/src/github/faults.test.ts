import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "./index";

// Fault injection for the sync engine's reliability tests: latency, 5xx (scripted and random),
// truncated and malformed bodies, dropped connections. Each fault is seen the way Octokit sees it.

let simulator: GithubSimulator;
let octokit: Octokit;
beforeAll(async () => {
  simulator = await createGithubSimulator({ seed: { repos: 30, seed: 2 } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.control.clearFaults());

const list = () => octokit.rest.repos.listForOrg({ org: "acme", per_page: 5 });
const statusOf = async (promise: Promise<{ status: number }>) => promise.then((response) => response.status, (error: { status: number }) => error.status);

describe("fault injection", () => {
  it("fails the next N requests to a path with the status asked for, then recovers", async () => {
    simulator.control.failNext({ path: "/orgs/acme/repos", count: 2, status: 503 });
    expect(await statusOf(octokit.rest.teams.list({ org: "acme" }))).toBe(200);
    expect(await statusOf(list())).toBe(503);
    expect(await statusOf(list())).toBe(503);
    expect(await statusOf(list())).toBe(200);
  });

  it("does not spend the budget on injected 5xx", async () => {
    const before = Number((await list()).headers["x-ratelimit-remaining"]);
    simulator.control.failNext({ path: "/orgs/*", status: 502 });
    await statusOf(list());
    expect(Number((await list()).headers["x-ratelimit-remaining"])).toBe(before - 1);
  });

  it("injects random 5xx at a seeded rate", async () => {
    simulator.control.setFaults({ errorRate: 1, errorStatuses: [500] });
    expect(await Promise.all([statusOf(list()), statusOf(list())])).toEqual([500, 500]);
    simulator.control.setFaults({ errorRate: 0.5, seed: 42 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => statusOf(list())));
    const failed = statuses.filter((status) => status >= 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it("truncates a body mid-stream: the client sees a broken response", async () => {
    simulator.control.failNext({ path: "/orgs/acme/repos", kind: "truncate" });
    const response = await fetch(`${simulator.url}/orgs/acme/repos`, { headers: { authorization: `token ${DEFAULT_GITHUB_TOKEN}` } });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(await statusOf(list())).toBe(200);
  });

  it("corrupts JSON: Octokit hands back an unparsable string", async () => {
    simulator.control.failNext({ path: "/orgs/acme/repos", kind: "malformed" });
    const response = await list();
    expect(typeof response.data).toBe("string");
    expect(() => JSON.parse(response.data as unknown as string)).toThrow();
  });

  it("drops the connection outright", async () => {
    simulator.control.failNext({ path: "/orgs/acme/repos", kind: "reset" });
    await expect(fetch(`${simulator.url}/orgs/acme/repos`, { headers: { authorization: `token ${DEFAULT_GITHUB_TOKEN}` } })).rejects.toThrow();
  });

  it("adds a fixed latency to every request, and extra delay to scripted ones", async () => {
    simulator.control.setFaults({ latencyMs: 50 });
    let started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(48);
    simulator.control.failNext({ path: "/orgs/acme/repos", kind: "status", status: 504, delayMs: 100 });
    started = performance.now();
    expect(await statusOf(list())).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});
