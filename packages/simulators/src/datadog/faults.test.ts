import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatadogSimulator, type DatadogSimulator } from "./index";
import { ddRequest } from "./testing/client";

// Fault injection for the connector's reliability tests: scripted and random 5xx, truncated and
// malformed bodies, dropped connections, latency; at start-up and through /_control over HTTP.

let simulator: DatadogSimulator;
beforeAll(async () => {
  simulator = await createDatadogSimulator({ seed: { services: 5, seed: 4 } });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.control.clearFaults());

const keys = () => ({ apiKey: simulator.apiKey, appKey: simulator.appKey });
const list = () => ddRequest(simulator.url, "/api/v1/monitor", {}, keys());
const control = (name: string, body: unknown) => fetch(`${simulator.url}/_control/${name}`, { method: "POST", body: JSON.stringify(body) });

describe("fault injection", () => {
  it("fails the next N requests to a path with the status asked for, then recovers", async () => {
    simulator.control.failNext({ path: "/api/v1/monitor", count: 2, status: 503 });
    expect((await ddRequest(simulator.url, "/api/v1/slo", {}, keys())).status).toBe(200);
    const failed = await list();
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: ["Service Unavailable"] });
    expect((await list()).status).toBe(503);
    expect((await list()).status).toBe(200);
  });

  it("injects random 5xx at a seeded rate", async () => {
    simulator.control.setFaults({ errorRate: 0.5, seed: 9 });
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await list()).status));
    const failed = statuses.filter((status) => status >= 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it("truncates a body mid-stream and corrupts JSON", async () => {
    simulator.control.failNext({ path: "/api/v1/monitor", kind: "truncate" });
    const response = await fetch(`${simulator.url}/api/v1/monitor`, { headers: { "dd-api-key": simulator.apiKey, "dd-application-key": simulator.appKey } });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    simulator.control.failNext({ path: "/api/v1/monitor", kind: "malformed" });
    const malformed = await list();
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
  });

  it("drops the connection outright", async () => {
    simulator.control.failNext({ path: "/api/v1/monitor", kind: "reset" });
    await expect(list()).rejects.toThrow();
  });

  it("takes faults, ticks and incident switches over /_control", async () => {
    expect((await control("faults/fail-next", { path: "/api/v1/slo", status: 500 })).status).toBe(200);
    expect((await ddRequest(simulator.url, "/api/v1/slo", {}, keys())).status).toBe(500);
    expect((await control("incidents", { enabled: false, status: 403 })).status).toBe(200);
    expect((await ddRequest(simulator.url, "/api/v2/incidents", {}, keys())).status).toBe(403);
    await control("incidents", { enabled: true });
    const tick = (await (await control("tick", { count: 3 })).json()) as { monitorsChanged: number };
    expect(tick.monitorsChanged).toBeGreaterThanOrEqual(0);
    const summary = (await (await fetch(`${simulator.url}/_control/summary`)).json()) as { ticks: number };
    expect(summary.ticks).toBe(3);
    const keysAnswer = (await (await fetch(`${simulator.url}/_control/keys`)).json()) as { apiKeys: string[] };
    expect(keysAnswer.apiKeys).toContain(simulator.apiKey);
    expect((await fetch(`${simulator.url}/_control/nope`)).status).toBe(404);
  });

  it("takes faults given at start-up (latency, a random error rate)", async () => {
    const slow = await createDatadogSimulator({ seed: { services: 2 }, faults: { latencyMs: 5, errorRate: 1, errorStatuses: [502] } });
    try {
      expect((await ddRequest(slow.url, "/api/v1/validate", {}, { apiKey: slow.apiKey })).status).toBe(502);
      expect(slow.control.stats().faultsInjected).toBe(1);
    } finally {
      await slow.close();
    }
  });
});
