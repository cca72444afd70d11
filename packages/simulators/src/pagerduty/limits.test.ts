import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createPagerdutySimulator, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "./index";
import { pdRequest } from "./testing/client";
import { PagerdutyFixtures } from "./testing/fixture-validator";

// Authentication (Token and Bearer, read-only keys), the per-key rate limit with its headers and
// 429, and the classic pagination's 10,000-record ceiling, over real HTTP.

const fixtures = new PagerdutyFixtures();
let simulator: PagerdutySimulator;

beforeAll(async () => {
  simulator = await createPagerdutySimulator({ now: Date.UTC(2025, 5, 2, 12), seed: { services: 12, seed: 3, historicalIncidents: 10_500 }, rateLimit: { perMinute: 50 } });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.control.resetRateLimits());

const get = (path: string, query: Record<string, string | number | boolean | string[]> = {}, token: string | null = DEFAULT_PAGERDUTY_TOKEN) => pdRequest(simulator.url, token, "GET", path, { query });

describe("authentication", () => {
  it("answers a wrong or missing key with PagerDuty's 401 body", async () => {
    for (const token of ["not-a-key", null]) {
      const denied = await get("/services", {}, token);
      expect(denied.status).toBe(401);
      expect(denied.body).toMatchObject({ error: { message: "Authentication failed", code: 2006 } });
      expect(fixtures.validateErrorResponse("list-services.json", 401, denied.body).errors).toEqual([]);
    }
  });

  it("accepts OAuth bearer tokens", async () => {
    const response = await pdRequest(simulator.url, null, "GET", "/abilities", { headers: { authorization: `Bearer ${DEFAULT_PAGERDUTY_TOKEN}` } });
    expect(response.status).toBe(200);
  });

  it("lets read-only keys read but not write (403)", async () => {
    expect((await get("/users", {}, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN)).status).toBe(200);
    const service = [...simulator.state.services.values()][0]!;
    const write = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN, "POST", "/incidents", {
      body: { incident: { type: "incident", title: "x", service: { id: service.id, type: "service_reference" } } },
      headers: { from: [...simulator.state.users.values()][0]!.email },
    });
    expect(write.status).toBe(403);
    expect(fixtures.validateErrorResponse("create-incident.json", 403, write.body).errors).toEqual([]);
  });
});

describe("rate limit", () => {
  it("announces the budget on every response and answers 429 once it is spent", async () => {
    const first = await get("/abilities");
    expect(first.headers.get("ratelimit-limit")).toBe("50");
    expect(first.headers.get("ratelimit-remaining")).toBe("49");
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect((await get("/services/PNOPE00")).headers.get("ratelimit-remaining")).toBe("48");

    simulator.control.setRemaining(DEFAULT_PAGERDUTY_TOKEN, 1);
    expect((await get("/teams")).status).toBe(200);
    const limited = await get("/teams");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ error: { message: "Rate Limit Exceeded", code: 2020 } });
    expect(fixtures.validateErrorResponse("list-teams.json", 429, limited.body).errors).toEqual([]);
    // Another key has its own budget.
    expect((await get("/teams", {}, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN)).status).toBe(200);
  });

  it("refills when the window resets", async () => {
    simulator.control.setRemaining(DEFAULT_PAGERDUTY_TOKEN, 0);
    const limited = await get("/teams");
    expect(limited.status).toBe(429);
    simulator.control.advanceClock(Number(limited.headers.get("ratelimit-reset")));
    expect((await get("/teams")).status).toBe(200);
  });
});

describe("classic pagination", () => {
  it("echoes limit and offset, defaults to 25, caps the limit at 100", async () => {
    expect((await get("/users")).body).toMatchObject({ limit: 25, offset: 0 });
    const wide = (await get("/incidents", { date_range: "all", limit: 500 })).body as { limit: number; incidents: unknown[] };
    expect(wide.limit).toBe(100);
    expect(wide.incidents).toHaveLength(100);
  });

  it("refuses offset + limit beyond 10,000, so clients must narrow the query", async () => {
    const query = { "statuses": ["resolved"], since: new Date(Date.UTC(2025, 4, 25)).toISOString(), until: new Date(Date.UTC(2025, 5, 2, 12)).toISOString(), total: true };
    const last = await get("/incidents", { ...query, limit: 100, offset: 9_900 });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ more: true, offset: 9_900 });
    expect((last.body as { total: number }).total).toBeGreaterThan(10_000);

    const beyond = await get("/incidents", { ...query, limit: 100, offset: 10_000 });
    expect(beyond.status).toBe(400);
    expect(fixtures.validateErrorResponse("list-incidents.json", 400, beyond.body).errors).toEqual([]);
    expect(beyond.body).toMatchObject({ error: { message: "Invalid Input Provided", code: 2001 } });
    expect(JSON.stringify(beyond.body)).toMatch(/offset \+ limit may not exceed 10000/);
    expect((await get("/incidents", { ...query, limit: 1, offset: 9_999 })).status).toBe(200);
    expect((await get("/incidents", { ...query, limit: 2, offset: 9_999 })).status).toBe(400);

    // Half the window fits under the ceiling.
    const half = await get("/incidents", { ...query, since: new Date(Date.UTC(2025, 4, 30)).toISOString(), limit: 1 });
    expect((half.body as { total: number }).total).toBeLessThan(10_000);
  });

  it("lets a test lower the ceiling", async () => {
    simulator.control.setOffsetCap(20);
    try {
      expect((await get("/users", { limit: 10, offset: 10 })).status).toBe(200);
      expect((await get("/users", { limit: 10, offset: 11 })).status).toBe(400);
    } finally {
      simulator.control.setOffsetCap(10_000);
    }
  });
});
