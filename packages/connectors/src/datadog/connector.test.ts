import { parseCatalogEntities } from "@greenroom/catalog";
import { createDatadogSimulator, type DatadogSimulator } from "@greenroom/simulators/datadog";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Checkpoint, ConnectorContext, StagedItem } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { BlockedAddressError, guardedFetch } from "../framework/network";
import { parseOpsRecord, type OpsRecord } from "../framework/ops-records";
import { datadogConnector } from "./connector";
import { HISTORY_CONCURRENCY } from "./phases";

// The Datadog connector against the Datadog simulator over real HTTP, through the SSRF-guarded
// fetch the sync engine hands it: a full listing driven step by step from initialCheckpoint,
// the mapping of every schema version, errors classified for the engine, and resumption.

const NOW = Date.UTC(2026, 4, 1);
let simulator: DatadogSimulator;

beforeAll(async () => {
  simulator = await createDatadogSimulator({
    seed: { services: 15, monitors: 120, slos: 22, dashboards: 9, incidents: 11, seed: 21, now: NOW, githubOrg: "acme", pagerdutyServiceIds: { "payments-api": "PPAY001" }, serviceNames: ["payments-api", "Checkout Web"] },
  });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.control.clearFaults();
  simulator.control.resetRateLimits();
  simulator.control.setIncidentsEnabled(true);
});

function context(config: Record<string, unknown> = {}, secrets: Record<string, string> = {}, fetchImpl?: typeof fetch): ConnectorContext {
  return {
    config: { baseUrl: simulator.url, servicePageSize: 4, monitorPageSize: 50, sloPageSize: 8, dashboardPageSize: 4, incidentPageSize: 5, incidents: true, ...config },
    secrets: { apiKey: simulator.apiKey, appKey: simulator.appKey, ...secrets },
    fetch: guardedFetch({ allowPrivateNetworks: true }, fetchImpl),
  };
}

type Listing = { items: StagedItem[]; steps: { phase: string; total?: number; items: number }[]; requests: number };

async function drive(ctx: ConnectorContext, options: { from?: Checkpoint; maxSteps?: number } = {}): Promise<Listing & { next: Checkpoint | null }> {
  let checkpoint: Checkpoint | null = options.from ?? datadogConnector.initialCheckpoint();
  const listing: Listing = { items: [], steps: [], requests: 0 };
  while (checkpoint && listing.steps.length < (options.maxSteps ?? 1000)) {
    const step = await datadogConnector.step(ctx, checkpoint);
    listing.items.push(...step.documents);
    listing.steps.push({ phase: checkpoint.phase, items: step.items, ...(step.total !== undefined ? { total: step.total } : {}) });
    listing.requests += step.requests;
    // What the engine stores between steps: plain JSON.
    checkpoint = step.next ? (JSON.parse(JSON.stringify(step.next)) as Checkpoint) : null;
  }
  return { ...listing, next: checkpoint };
}

const records = (items: StagedItem[]): OpsRecord[] => items.flatMap((item) => ("record" in item ? [item.record] : []));
const docs = (items: StagedItem[]) => items.flatMap((item) => ("doc" in item ? [item.doc as { metadata: { name: string; annotations: Record<string, string> }; spec: Record<string, string> }] : []));
const ofType = <T extends OpsRecord["type"]>(list: OpsRecord[], type: T) => list.filter((record) => record.type === type) as Extract<OpsRecord, { type: T }>[];

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the step to fail");
}

describe("a full listing", () => {
  it("pages through services, monitors, SLOs, dashboards and incidents", async () => {
    const data = simulator.state.data;
    const listing = await drive(context());
    expect([...new Set(listing.steps.map((step) => step.phase))]).toEqual(["services", "monitors", "slos", "dashboards", "incidents"]);
    expect(listing.steps.filter((step) => step.phase === "services")).toHaveLength(4);
    expect(listing.steps.find((step) => step.phase === "monitors")?.total).toBe(120);
    expect(listing.steps.find((step) => step.phase === "slos")?.total).toBe(22);

    const all = records(listing.items);
    for (const record of all) parseOpsRecord(record);
    expect(ofType(all, "datadog.service")).toHaveLength(15);
    expect(ofType(all, "datadog.monitor")).toHaveLength(120);
    expect(ofType(all, "datadog.slo")).toHaveLength(22);
    expect(ofType(all, "datadog.dashboard")).toHaveLength(9);
    expect(ofType(all, "datadog.incident")).toHaveLength(11);
    expect(new Set(all.map((record) => `${record.type}:${record.externalId}`)).size).toBe(all.length);

    const components = docs(listing.items);
    expect(components).toHaveLength(15);
    const parsed = parseCatalogEntities(components, { sourceName: "integration:test" });
    expect(parsed.errors).toEqual([]);
    expect(components.map((doc) => doc.metadata.name)).toContain("Checkout-Web");

    // Every monitor's state and service link as Datadog has them.
    for (const monitor of ofType(all, "datadog.monitor")) {
      const source = data.monitors.find((candidate) => String(candidate.id) === monitor.externalId)!;
      expect(monitor.state).toBe(source.state);
      expect(monitor.url).toBe(`https://app.datadoghq.com/monitors/${source.id}`);
      expect(monitor.occurredAt).toBe(new Date(source.stateModified).toISOString());
      const service = source.tags.find((tag) => tag.startsWith("service:"));
      expect(monitor.links).toEqual(service ? [`datadog:service:${service.slice(8).toLowerCase()}`] : []);
    }
    // Dashboards linked from a definition carry that service's link key.
    const linked = data.services.flatMap((service) => service.links.filter((link) => link.type === "dashboard").map((link) => ({ service: service.name, id: link.url.split("/")[4]! })));
    expect(linked.length).toBeGreaterThan(0);
    for (const { service, id } of linked) expect(ofType(all, "datadog.dashboard").find((record) => record.externalId === id)?.links).toContain(`datadog:service:${service.toLowerCase()}`);
    // Incidents link to their services.
    const incident = ofType(all, "datadog.incident")[0]!;
    const source = data.incidents.find((candidate) => candidate.id === incident.externalId)!;
    expect(incident).toMatchObject({ state: source.state, links: source.services.map((name) => `datadog:service:${name.toLowerCase()}`) });
    expect(incident.data).toMatchObject({ severity: source.severity, createdAt: new Date(source.created).toISOString(), resolvedAt: source.resolved ? new Date(source.resolved).toISOString() : null });
  });

  it("maps service definitions of every schema version (typed client models)", async () => {
    const listing = await drive(context({ incidents: false }), { maxSteps: 4 });
    const services = ofType(records(listing.items), "datadog.service");
    const components = docs(listing.items);
    for (const version of ["v2", "v2.1", "v2.2"]) {
      const source = simulator.state.data.services.find((service) => service.ingestedVersion === version && service.pagerdutyUrl === null && service.name !== "Checkout Web")!;
      const record = services.find((candidate) => candidate.externalId === source.name)!;
      expect(record.data).toMatchObject({ schemaVersion: version, team: source.team, tier: source.tier, lifecycle: source.lifecycle, description: source.description, pagerdutyUrl: null });
      expect(record.data.contacts.map((contact) => contact.contact)).toEqual(source.contacts.map((contact) => contact.contact));
      expect(record.data.repoUrls).toEqual(source.links.filter((link) => link.type === "repo").map((link) => link.url));
      const component = components.find((doc) => doc.metadata.name === source.name)!;
      expect(component.spec.owner).toBe(source.team ? `group:default/${source.team}` : "unknown");
    }
    const payments = components.find((doc) => doc.metadata.name === "payments-api")!;
    expect(payments.metadata.annotations).toMatchObject({ "datadoghq.com/service-name": "payments-api", "pagerduty.com/service-id": "PPAY001" });
    expect(services.find((record) => record.externalId === "payments-api")!.links).toEqual(["datadog:service:payments-api", "pagerduty:service:PPAY001"]);
  });

  it("reads SLO history for the SLI, remaining budget and state, a few requests at a time", async () => {
    const [ok, atRisk, breached, empty] = simulator.state.data.slos;
    simulator.control.setSloBudget(ok!.id, 0.8);
    simulator.control.setSloBudget(atRisk!.id, 0.1);
    simulator.control.setSloBudget(breached!.id, -0.3);
    simulator.control.setSloBudget(empty!.id, null);
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      const history = String(input instanceof Request ? input.url : input).includes("/history");
      if (history) most = Math.max(most, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        if (history) inFlight--;
      }
    };
    const listing = await drive(context({ incidents: false }, {}, counting), { from: { phase: "slos", cursor: null } });
    const slos = ofType(records(listing.items), "datadog.slo");
    const state = (id: string) => slos.find((record) => record.externalId === id)!;
    expect(state(ok!.id)).toMatchObject({ state: "ok", data: { errorBudgetRemaining: 80 } });
    expect(state(atRisk!.id)).toMatchObject({ state: "at_risk", data: { errorBudgetRemaining: 10 } });
    expect(state(breached!.id)).toMatchObject({ state: "breached", data: { errorBudgetRemaining: -30 } });
    expect(state(empty!.id)).toMatchObject({ state: "no_data", data: { sliValue: null, errorBudgetRemaining: null } });
    const target = ok!.thresholds[0]!.target;
    expect(state(ok!.id).data.sliValue).toBeCloseTo(target + (100 - target) * 0.8, 3);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(HISTORY_CONCURRENCY);
  });

  it("resumes mid-listing from a stored checkpoint with identical records", async () => {
    const full = await drive(context());
    for (const cut of [2, 5, 9]) {
      const first = await drive(context(), { maxSteps: cut });
      expect(first.next).not.toBeNull();
      const rest = await drive(context(), { from: first.next! });
      expect([...first.items, ...rest.items]).toEqual(full.items);
    }
  });
});

describe("incidents", () => {
  it("skips the phase unless the integration asks for incidents", async () => {
    simulator.control.resetStats();
    const listing = await drive(context({ incidents: false }));
    expect(listing.steps.some((step) => step.phase === "incidents")).toBe(false);
    expect(simulator.control.stats().byEndpoint["GET /api/v2/incidents"]).toBeUndefined();
  });

  it.each([404, 403] as const)("ends the listing without incidents when the org answers %s", async (status) => {
    simulator.control.setIncidentsEnabled(false, status);
    const listing = await drive(context(), { from: { phase: "incidents", cursor: null } });
    expect(listing.items).toEqual([]);
    expect(listing.next).toBeNull();
  });
});

describe("errors the engine acts on", () => {
  it("429 → RateLimitedError at x-ratelimit-reset", async () => {
    simulator.control.failNext({ path: "/api/v1/monitor", kind: "secondary", retryAfterSeconds: 42 });
    const before = Date.now();
    const error = await failure(datadogConnector.step(context(), { phase: "monitors", cursor: "1" }));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt).toBeGreaterThanOrEqual(before + 42_000);
    expect((error as RateLimitedError).resetAt).toBeLessThanOrEqual(Date.now() + 42_000);
    expect(error.message).toMatch(/monitors/);

    simulator.control.setRemaining("slo_history", 2);
    const spent = await failure(datadogConnector.step(context(), { phase: "slos", cursor: null }));
    expect(spent).toBeInstanceOf(RateLimitedError);
    expect(spent.message).toMatch(/slo_history/);
  });

  it("bad keys → PermanentError in words", async () => {
    for (const secrets of [{ apiKey: "0".repeat(32) }, { appKey: "0".repeat(40) }] as Record<string, string>[]) {
      const error = await failure(datadogConnector.step(context({}, secrets), datadogConnector.initialCheckpoint()));
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toMatch(/Datadog refused the keys while reading service definitions \(403: Forbidden\)/);
    }
  });

  it("5xx, cut-off and malformed bodies, dropped connections → TransientError", async () => {
    for (const fault of [{ status: 502 }, { kind: "truncate" as const }, { kind: "malformed" as const }, { kind: "reset" as const }]) {
      simulator.control.failNext({ path: "/api/v1/dashboard", ...fault });
      const error = await failure(datadogConnector.step(context(), { phase: "dashboards", cursor: null }));
      expect(error, JSON.stringify(fault)).toBeInstanceOf(TransientError);
    }
    const ok = await datadogConnector.step(context(), { phase: "dashboards", cursor: null });
    expect(ok.items).toBe(4);
  });

  it("refuses a private address unless the operator allows it (the guarded fetch is in the path)", async () => {
    const blocked = { ...context(), fetch: guardedFetch({ allowPrivateNetworks: false }) };
    const error = await failure(datadogConnector.step(blocked, datadogConnector.initialCheckpoint()));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(new BlockedAddressError("127.0.0.1", "127.0.0.1").message);
  });
});

describe("testConnection", () => {
  it("says what it can see", async () => {
    const verdict = await datadogConnector.testConnection(context());
    expect(verdict).toEqual({ ok: true, summary: "Connected to Datadog (datadoghq.com): 120 monitors, 22 SLOs visible; incidents readable." });
    simulator.control.setIncidentsEnabled(false);
    const without = await datadogConnector.testConnection(context());
    expect(without.ok && without.summary).toMatch(/incidents are not available/);
  });

  it("names the key that is wrong", async () => {
    const api = await datadogConnector.testConnection(context({}, { apiKey: "0".repeat(32) }));
    expect(api).toEqual({ ok: false, problem: expect.stringMatching(/rejected the API key/) });
    const app = await datadogConnector.testConnection(context({}, { appKey: "0".repeat(40) }));
    expect(app).toEqual({ ok: false, problem: expect.stringMatching(/API key is valid, but Datadog refused the application key/) });
  });

  it("reports an unreachable Datadog as a problem, not a crash", async () => {
    simulator.control.failNext({ path: "/api/v1/validate", status: 503 });
    const verdict = await datadogConnector.testConnection(context());
    expect(verdict).toEqual({ ok: false, problem: expect.stringMatching(/^Could not reach Datadog/) });
  });
});
