import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "./index";
import { pdRequest } from "./testing/client";
import { PagerdutyFixtures } from "./testing/fixture-validator";

// The Events API v2: a routing key is a service's integration key; trigger opens (or dedups
// into) an incident on that service, acknowledge and resolve move it on, and the REST listing
// shows each change.

const fixtures = new PagerdutyFixtures();
let simulator: PagerdutySimulator;

beforeAll(async () => {
  simulator = await createPagerdutySimulator({ seed: { services: 10, seed: 5 }, rateLimit: { eventsPerMinute: 30 } });
});
afterAll(() => simulator.close());

async function enqueue(event: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const activeService = () => [...simulator.state.services.values()].find((service) => service.baseStatus === "active")!;

async function listed(serviceId: string, dedupKey: string) {
  const answer = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "GET", "/incidents", { query: { "service_ids[]": serviceId, incident_key: dedupKey, date_range: "all" } });
  expect(fixtures.validateResponse("list-incidents.json", answer.body).errors).toEqual([]);
  return (answer.body as { incidents: { status: string; title: string; urgency: string; alert_counts: { all: number } }[] }).incidents;
}

describe("Events API v2", () => {
  it("triggers an incident on the service whose integration key is the routing key", async () => {
    const service = activeService();
    const answer = await enqueue({ routing_key: service.integrationKey, event_action: "trigger", dedup_key: "disk-full-1", payload: { summary: "Disk full on db-1", source: "db-1", severity: "critical" } });
    expect(answer).toEqual({ status: 202, body: { status: "success", message: "Event processed", dedup_key: "disk-full-1" } });
    expect(await listed(service.id, "disk-full-1")).toMatchObject([{ status: "triggered", title: "Disk full on db-1", urgency: "high", alert_counts: { all: 1 } }]);

    // The same dedup key while open: one incident, one more alert.
    await enqueue({ routing_key: service.integrationKey, event_action: "trigger", dedup_key: "disk-full-1", payload: { summary: "Disk full on db-1", source: "db-1", severity: "critical" } });
    expect(await listed(service.id, "disk-full-1")).toMatchObject([{ alert_counts: { all: 2 } }]);

    expect((await enqueue({ routing_key: service.integrationKey, event_action: "acknowledge", dedup_key: "disk-full-1" })).status).toBe(202);
    expect(await listed(service.id, "disk-full-1")).toMatchObject([{ status: "acknowledged" }]);
    expect((await enqueue({ routing_key: service.integrationKey, event_action: "resolve", dedup_key: "disk-full-1" })).status).toBe(202);
    expect(await listed(service.id, "disk-full-1")).toMatchObject([{ status: "resolved" }]);
  });

  it("generates a dedup key when none is given; warning severity means low urgency", async () => {
    const service = activeService();
    const answer = await enqueue({ routing_key: service.integrationKey, event_action: "trigger", payload: { summary: "Slow responses", source: "lb", severity: "warning" } });
    expect(answer.status).toBe(202);
    const dedupKey = String(answer.body.dedup_key);
    expect(dedupKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await listed(service.id, dedupKey)).toMatchObject([{ urgency: "low", status: "triggered" }]);
  });

  it("refuses invalid events with 400 and the reasons", async () => {
    const service = activeService();
    const unknownKey = await enqueue({ routing_key: "0".repeat(32), event_action: "trigger", payload: { summary: "x", source: "y", severity: "info" } });
    expect(unknownKey).toMatchObject({ status: 400, body: { status: "invalid event", errors: ["Invalid routing key"] } });
    const missing = await enqueue({ routing_key: service.integrationKey, event_action: "trigger", payload: { severity: "loud" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(["'payload.summary' is missing or blank", "'payload.source' is missing or blank", "'payload.severity' must be one of critical, error, warning, info"]);
    expect((await enqueue({ routing_key: service.integrationKey, event_action: "resolve" })).status).toBe(400);
    expect((await enqueue({ routing_key: service.integrationKey, event_action: "explode" })).status).toBe(400);
  });

  it("throttles a routing key that sends too fast (429)", async () => {
    const service = [...simulator.state.services.values()].filter((entry) => entry.baseStatus === "active")[1]!;
    const statuses: number[] = [];
    for (let index = 0; index < 31; index++) {
      statuses.push((await enqueue({ routing_key: service.integrationKey, event_action: "resolve", dedup_key: `nothing-${index}` })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
