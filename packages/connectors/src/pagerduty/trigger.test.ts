import { createPagerdutySimulator, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { ConnectorContext } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import type { OpsRecordOf } from "../framework/ops-records";
import { pagerdutyConnector } from "./connector";
import { driveConnector } from "./drive";
import { triggerPagerdutyIncident } from "./trigger";

// "Trigger incident" from an entity page: through the Events API with the service's integration
// key, or REST POST /incidents with a From header; either way the incident is in the next sync.

let simulator: PagerdutySimulator;
beforeAll(async () => {
  simulator = await createPagerdutySimulator({ seed: { services: 8, seed: 41 } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.control.clearFaults();
  simulator.control.resetRateLimits();
});

function context(overrides: { token?: string; fromEmail?: string } = {}): ConnectorContext {
  return { config: { baseUrl: simulator.url, eventsUrl: simulator.url, ...(overrides.fromEmail ? { fromEmail: overrides.fromEmail } : {}) }, secrets: { token: overrides.token ?? DEFAULT_PAGERDUTY_TOKEN }, fetch };
}

const activeServices = () => [...simulator.state.services.values()].filter((service) => service.baseStatus === "active");
const someUser = () => [...simulator.state.users.values()][1]!;

async function syncedIncidents(): Promise<OpsRecordOf<"pagerduty.incident">[]> {
  const run = await driveConnector(pagerdutyConnector, context(), { from: { phase: "incidents", cursor: null } });
  return run.records.filter((record): record is OpsRecordOf<"pagerduty.incident"> => record.type === "pagerduty.incident");
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("triggerPagerdutyIncident", () => {
  it("uses the Events API when an integration key is known; the next sync lists the incident", async () => {
    const service = activeServices()[0]!;
    const result = await triggerPagerdutyIncident(context(), { integrationKey: service.integrationKey, summary: "Checkout errors spiking", requesterEmail: "ana@example.com", source: "checkout-api", dedupKey: "greenroom-events-1" });
    expect(result).toMatchObject({ via: "events", dedupKey: "greenroom-events-1", incidentId: null });
    const listed = (await syncedIncidents()).find((incident) => incident.data.title === "Checkout errors spiking")!;
    expect(listed).toMatchObject({ state: "triggered", links: [`pagerduty:service:${service.id}`], data: { serviceId: service.id, urgency: "high" } });
  });

  it("uses REST POST /incidents with the requester in From when only the service id is known", async () => {
    const service = activeServices()[1]!;
    const result = await triggerPagerdutyIncident(context(), { serviceId: service.id, summary: "Ledger lagging", requesterEmail: someUser().email, source: "ledger-worker" });
    expect(result).toMatchObject({ via: "rest", incidentId: expect.stringMatching(/^P/), incidentNumber: expect.any(Number) });
    expect(result.dedupKey).toBeTruthy();
    const listed = (await syncedIncidents()).find((incident) => incident.externalId === result.incidentId)!;
    expect(listed).toMatchObject({ state: "triggered", title: "Ledger lagging", data: { number: result.incidentNumber, serviceId: service.id } });
    expect(simulator.state.incident(result.incidentId!)?.lastChangeBy).toEqual({ type: "user", id: someUser().id });
  });

  it("falls back to the configured requester when the person has no PagerDuty user, else explains", async () => {
    const service = activeServices()[2]!;
    const input = { serviceId: service.id, summary: "Search down", requesterEmail: "outsider@example.com", source: "search-web" };
    const viaFallback = await triggerPagerdutyIncident(context({ fromEmail: someUser().email }), input);
    expect(viaFallback.via).toBe("rest");
    const refused = await failure(triggerPagerdutyIncident(context(), { ...input, summary: "Search down again" }));
    expect(refused).toBeInstanceOf(PermanentError);
    expect(refused.message).toMatch(/outsider@example.com is not one; set a requester email/);
  });

  it("reports refusals, rate limits and outages in the engine's terms", async () => {
    const service = activeServices()[3]!;
    const base = { summary: "x", requesterEmail: someUser().email, source: "y" };
    const badKey = await failure(triggerPagerdutyIncident(context(), { ...base, integrationKey: "f".repeat(32) }));
    expect(badKey).toBeInstanceOf(PermanentError);
    expect(badKey.message).toMatch(/Invalid routing key/);

    const readOnly = await failure(triggerPagerdutyIncident(context({ token: DEFAULT_PAGERDUTY_READ_ONLY_TOKEN }), { ...base, serviceId: service.id }));
    expect(readOnly).toBeInstanceOf(PermanentError);
    expect(readOnly.message).toMatch(/403/);

    simulator.control.setRemaining(DEFAULT_PAGERDUTY_TOKEN, 0);
    expect(await failure(triggerPagerdutyIncident(context(), { ...base, serviceId: service.id }))).toBeInstanceOf(RateLimitedError);
    simulator.control.failNext({ path: "/v2/enqueue", status: 503 });
    expect(await failure(triggerPagerdutyIncident(context(), { ...base, integrationKey: service.integrationKey }))).toBeInstanceOf(TransientError);
    expect(await failure(triggerPagerdutyIncident(context(), { ...base }))).toBeInstanceOf(PermanentError);
  });
});
