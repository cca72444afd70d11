import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatadogSimulator, type DatadogSimulator } from "./index";
import { ddRequest } from "./testing/client";
import { DatadogFixtures } from "./testing/fixture-validator";

// Authentication and rate limits as Datadog answers them: 403 APIErrorResponse for a wrong or
// missing key (before any budget is spent), x-ratelimit-* headers on every answer, 429 with the
// same headers once a family's budget is spent, and a fresh budget when the period turns.

const fixtures = new DatadogFixtures();
let simulator: DatadogSimulator;

beforeAll(async () => {
  simulator = await createDatadogSimulator({ seed: { services: 6, seed: 2 }, rateLimits: { monitors: { limit: 3, periodSeconds: 10 } } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.control.resetRateLimits();
  simulator.control.clearFaults();
});

const keys = () => ({ apiKey: simulator.apiKey, appKey: simulator.appKey });

describe("authentication", () => {
  it("needs both keys on data endpoints: 403 Forbidden otherwise", async () => {
    for (const wrong of [{ apiKey: simulator.apiKey }, { appKey: simulator.appKey }, { apiKey: "f".repeat(32), appKey: simulator.appKey }, { apiKey: simulator.apiKey, appKey: "f".repeat(40) }, {}]) {
      const answer = await ddRequest(simulator.url, "/api/v1/monitor", {}, wrong);
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ errors: ["Forbidden"] });
      expect(fixtures.validateErrorResponse("list-monitors.json", 403, answer.body).valid).toBe(true);
    }
    expect(simulator.control.stats().authFailures).toBeGreaterThanOrEqual(5);
  });

  it("does not spend the budget on refused keys", async () => {
    await ddRequest(simulator.url, "/api/v1/monitor", {}, { apiKey: simulator.apiKey });
    const answer = await ddRequest(simulator.url, "/api/v1/monitor", { page: 0, page_size: 1 }, keys());
    expect(answer.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("accepts keys added later and refuses removed ones", async () => {
    simulator.control.addKeys({ apiKey: "1".repeat(32), appKey: "2".repeat(40) });
    expect((await ddRequest(simulator.url, "/api/v1/validate", {}, { apiKey: "1".repeat(32) })).status).toBe(200);
    expect((await ddRequest(simulator.url, "/api/v1/dashboard", {}, { apiKey: "1".repeat(32), appKey: "2".repeat(40) })).status).toBe(200);
    simulator.control.removeKeys({ appKey: "2".repeat(40) });
    expect((await ddRequest(simulator.url, "/api/v1/dashboard", {}, { apiKey: "1".repeat(32), appKey: "2".repeat(40) })).status).toBe(403);
  });
});

describe("rate limits", () => {
  it("reports the family's budget on every answer", async () => {
    const answer = await ddRequest(simulator.url, "/api/v2/services/definitions", {}, keys());
    expect(answer.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(answer.headers.get("x-ratelimit-period")).toBe("10");
    expect(answer.headers.get("x-ratelimit-remaining")).toBe("999");
    expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(10);
    expect(answer.headers.get("x-ratelimit-name")).toBe("service_catalog_definitions");
  });

  it("answers 429 with the headers once spent, per family, until the period turns", async () => {
    for (let index = 0; index < 3; index++) expect((await ddRequest(simulator.url, "/api/v1/monitor", { page: 0 }, keys())).status).toBe(200);
    const limited = await ddRequest(simulator.url, "/api/v1/monitor/12", {}, keys());
    expect(limited.status).toBe(429);
    expect(fixtures.validateErrorResponse("get-monitor.json", 429, limited.body).valid).toBe(true);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("3");
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(1);
    // Other families are not affected.
    expect((await ddRequest(simulator.url, "/api/v1/slo", {}, keys())).status).toBe(200);
    simulator.control.advanceClock(reset);
    expect((await ddRequest(simulator.url, "/api/v1/monitor", { page: 0 }, keys())).status).toBe(200);
    expect(simulator.control.stats().rateLimited).toBeGreaterThanOrEqual(1);
  });

  it("can leave an exact remainder, be reconfigured, or script a 429 with a chosen reset", async () => {
    simulator.control.setRemaining("slo_history", 0);
    const slo = simulator.state.data.slos[0]!;
    const limited = await ddRequest(simulator.url, `/api/v1/slo/${slo.id}/history`, { from_ts: 1, to_ts: 100 }, keys());
    expect(limited.status).toBe(429);
    simulator.control.failNext({ path: "/api/v1/dashboard", kind: "secondary", retryAfterSeconds: 42 });
    const scripted = await ddRequest(simulator.url, "/api/v1/dashboard", {}, keys());
    expect(scripted.status).toBe(429);
    expect(scripted.headers.get("x-ratelimit-reset")).toBe("42");
    expect(scripted.headers.get("x-ratelimit-remaining")).toBe("0");
    simulator.control.setRateLimit({ dashboards: { limit: 7, periodSeconds: 60 } });
    const answer = await ddRequest(simulator.url, "/api/v1/dashboard", {}, keys());
    expect([answer.headers.get("x-ratelimit-limit"), answer.headers.get("x-ratelimit-period"), answer.headers.get("x-ratelimit-remaining")]).toEqual(["7", "60", "6"]);
  });
});
