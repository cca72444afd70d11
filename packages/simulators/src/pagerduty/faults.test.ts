import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "./index";
import { pdUrl } from "./testing/client";

// Fault injection for the connector's reliability tests: scripted and random 5xx, truncated and
// malformed bodies, dropped connections, injected 429s and latency, each seen as a client sees it.

let simulator: PagerdutySimulator;
beforeAll(async () => {
  simulator = await createPagerdutySimulator({ seed: { services: 10, seed: 2 } });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.control.clearFaults());

const headers = { authorization: `Token token=${DEFAULT_PAGERDUTY_TOKEN}`, accept: "application/vnd.pagerduty+json;version=2" };
const statusOf = (path = "/services") => fetch(pdUrl(simulator.url, path), { headers }).then((response) => response.status);

describe("fault injection", () => {
  it("fails the next N requests to a path with the status asked for, then recovers, without spending budget", async () => {
    const before = Number((await fetch(pdUrl(simulator.url, "/teams"), { headers })).headers.get("ratelimit-remaining"));
    simulator.control.failNext({ path: "/services", count: 2, status: 503 });
    expect(await statusOf("/teams")).toBe(200);
    expect(await statusOf()).toBe(503);
    expect(await statusOf()).toBe(503);
    expect(await statusOf()).toBe(200);
    expect(Number((await fetch(pdUrl(simulator.url, "/teams"), { headers })).headers.get("ratelimit-remaining"))).toBe(before - 3);
  });

  it("injects random 5xx at a seeded rate", async () => {
    simulator.control.setFaults({ errorRate: 0.5, seed: 42 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => statusOf()));
    expect(statuses.some((status) => status >= 500)).toBe(true);
    expect(statuses.some((status) => status === 200)).toBe(true);
  });

  it("cuts a body off mid-way, or corrupts it", async () => {
    simulator.control.failNext({ path: "/users", kind: "truncate" });
    await expect(fetch(pdUrl(simulator.url, "/users"), { headers }).then((response) => response.text())).rejects.toThrow();
    simulator.control.failNext({ path: "/users", kind: "malformed" });
    const response = await fetch(pdUrl(simulator.url, "/users"), { headers });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it("drops the connection", async () => {
    simulator.control.failNext({ path: "/users", kind: "reset" });
    await expect(fetch(pdUrl(simulator.url, "/users"), { headers })).rejects.toThrow();
  });

  it("answers an injected rate limit with 429", async () => {
    simulator.control.failNext({ path: "/services", kind: "secondary" });
    const response = await fetch(pdUrl(simulator.url, "/services"), { headers });
    expect(response.status).toBe(429);
    expect(response.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("adds latency to every request", async () => {
    simulator.control.setFaults({ latencyMs: 30 });
    expect(await statusOf()).toBe(200);
    expect(simulator.control.stats().byEndpoint["GET /services"]).toBeGreaterThan(0);
  });
});
