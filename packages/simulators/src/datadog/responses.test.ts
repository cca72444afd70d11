import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatadogSimulator, type DatadogSimulator } from "./index";
import { SCHEMA_VERSIONS, type SchemaVersion } from "./model";
import { ddRequest } from "./testing/client";
import { DatadogFixtures } from "./testing/fixture-validator";

// Every endpoint the simulator serves, over real HTTP, paged and filtered, and every body checked
// against Datadog's official response schema; every service definition document also against
// Datadog's JSON Schema and the API model of its version. A drifting field fails here.

const fixtures = new DatadogFixtures();
let simulator: DatadogSimulator;

beforeAll(async () => {
  simulator = await createDatadogSimulator({ seed: { services: 24, monitors: 150, slos: 30, dashboards: 12, incidents: 15, seed: 7, now: Date.UTC(2026, 0, 15) } });
});
afterAll(() => simulator.close());

const get = (path: string, query: Record<string, string | number | boolean | undefined> = {}) => ddRequest(simulator.url, path, query, { apiKey: simulator.apiKey, appKey: simulator.appKey });

function expectValid(file: string, body: unknown): void {
  expect(fixtures.validateResponse(file, body).errors, `${file} drifted from the schema`).toEqual([]);
}

function expectError(file: string, status: number, answer: { status: number; body: unknown }): void {
  expect(answer.status).toBe(status);
  expect(fixtures.validateErrorResponse(file, status, answer.body).errors, `${file} ${status} body drifted`).toEqual([]);
}

type DefinitionList = { data: { id: string; attributes: { schema: Record<string, unknown>; meta: Record<string, unknown> } }[] };

function expectDocument(version: SchemaVersion, document: Record<string, unknown>): void {
  expect(document["schema-version"]).toBe(version);
  expect(fixtures.validateDefinitionDocument(version, document).errors, `${version} JSON Schema`).toEqual([]);
  expect(fixtures.validateDefinitionModel(version, document).errors, `${version} API model`).toEqual([]);
}

describe("service definitions", () => {
  it("lists 10 per page by default, in the versions they were ingested as", async () => {
    const answer = await get("/api/v2/services/definitions");
    expect(answer.status).toBe(200);
    expectValid("list-service-definitions.json", answer.body);
    const { data } = answer.body as DefinitionList;
    expect(data).toHaveLength(10);
    for (const item of data) expectDocument(item.attributes.meta["ingested-schema-version"] as SchemaVersion, item.attributes.schema);
    expect(new Set(data.map((item) => item.attributes.schema["schema-version"]))).toEqual(new Set(["v2", "v2.1", "v2.2"]));
  });

  it("pages with page[size] / page[number] and ends on a short page", async () => {
    const pages: string[][] = [];
    for (let number = 0; ; number++) {
      const answer = await get("/api/v2/services/definitions", { "page[size]": 7, "page[number]": number });
      expectValid("list-service-definitions.json", answer.body);
      const ids = (answer.body as DefinitionList).data.map((item) => item.id);
      pages.push(ids);
      if (ids.length < 7) break;
    }
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 3]);
    expect(new Set(pages.flat()).size).toBe(24);
    expectError("list-service-definitions.json", 403, await ddRequest(simulator.url, "/api/v2/services/definitions", {}, { apiKey: simulator.apiKey }));
    expect((await get("/api/v2/services/definitions", { "page[size]": 101 })).status).toBe(400);
  });

  it.each(SCHEMA_VERSIONS)("converts every definition to schema_version=%s", async (version) => {
    const answer = await get("/api/v2/services/definitions", { "page[size]": 100, schema_version: version });
    expectValid("list-service-definitions.json", answer.body);
    const { data } = answer.body as DefinitionList;
    expect(data).toHaveLength(24);
    for (const item of data) expectDocument(version, item.attributes.schema);
  });

  it("gets one definition by name, 404 for an unknown one", async () => {
    const service = simulator.state.data.services[3]!;
    for (const version of [undefined, "v2.2"]) {
      const answer = await get(`/api/v2/services/definitions/${service.name}`, { schema_version: version });
      expectValid("get-service-definition.json", answer.body);
      const schema = (answer.body as { data: { attributes: { schema: Record<string, unknown> } } }).data.attributes.schema;
      expect(schema["dd-service"]).toBe(service.name);
      expectDocument((version ?? service.ingestedVersion) as SchemaVersion, schema);
    }
    expectError("get-service-definition.json", 404, await get("/api/v2/services/definitions/no-such-service"));
  });
});

describe("monitors", () => {
  it("lists every monitor without `page`, pages with page/page_size", async () => {
    const all = await get("/api/v1/monitor");
    expectValid("list-monitors.json", all.body);
    expect(all.body as unknown[]).toHaveLength(150);
    const first = await get("/api/v1/monitor", { page: 0, page_size: 40 });
    const last = await get("/api/v1/monitor", { page: 3, page_size: 40 });
    expectValid("list-monitors.json", first.body);
    expect((first.body as unknown[]).length).toBe(40);
    expect((last.body as unknown[]).length).toBe(30);
    expect((await get("/api/v1/monitor", { page: 0, page_size: 1001 })).status).toBe(400);
  });

  it("filters by monitor_tags, name and group_states", async () => {
    const service = simulator.state.data.services[0]!.name;
    const tagged = (await get("/api/v1/monitor", { monitor_tags: `service:${service}` })).body as { tags: string[] }[];
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((monitor) => monitor.tags.includes(`service:${service}`))).toBe(true);
    expect(tagged.length).toBe(simulator.state.data.monitors.filter((monitor) => monitor.tags.includes(`service:${service}`)).length);
    const alerting = (await get("/api/v1/monitor", { group_states: "alert" })).body as { overall_state: string }[];
    expectValid("list-monitors.json", alerting);
    expect(alerting.every((monitor) => monitor.overall_state === "Alert")).toBe(true);
  });

  it("gets one monitor; 404 for an unknown id", async () => {
    const monitor = simulator.state.data.monitors[5]!;
    const answer = await get(`/api/v1/monitor/${monitor.id}`);
    expectValid("get-monitor.json", answer.body);
    expect((answer.body as { overall_state: string }).overall_state).toBe(monitor.state);
    expectError("get-monitor.json", 404, await get("/api/v1/monitor/1"));
  });

  it("searches with Datadog's query syntax, paged with metadata", async () => {
    const service = simulator.state.data.services[1]!.name;
    const answer = await get("/api/v1/monitor/search", { query: `service:${service}`, per_page: 2, page: 0 });
    expectValid("search-monitors.json", answer.body);
    const body = answer.body as { monitors: { tags: string[] }[]; metadata: { total_count: number; page_count: number; per_page: number } };
    const expected = simulator.state.data.monitors.filter((monitor) => monitor.tags.includes(`service:${service}`)).length;
    expect(body.metadata).toMatchObject({ total_count: expected, per_page: 2, page_count: Math.ceil(expected / 2) });
    expect(body.monitors.every((monitor) => monitor.tags.includes(`service:${service}`))).toBe(true);
    const alerting = (await get("/api/v1/monitor/search", { query: "status:alert", sort: "name,asc" })).body as { monitors: { status: string }[] };
    expectValid("search-monitors.json", alerting);
    expect(alerting.monitors.every((monitor) => monitor.status === "Alert")).toBe(true);
    expectValid("search-monitors.json", (await get("/api/v1/monitor/search")).body);
  });
});

describe("SLOs, dashboards, incidents, validate", () => {
  it("lists SLOs with limit/offset and tags_query", async () => {
    const page = await get("/api/v1/slo", { limit: 20, offset: 20 });
    expectValid("list-slos.json", page.body);
    const body = page.body as { data: { id: string }[]; metadata: { page: { total_count: number } } };
    expect(body.data).toHaveLength(10);
    expect(body.metadata.page.total_count).toBe(30);
    const service = simulator.state.data.services[2]!.name;
    const tagged = (await get("/api/v1/slo", { tags_query: `service:${service}` })).body as { data: { tags: string[] }[] };
    expectValid("list-slos.json", tagged);
    expect(tagged.data.length).toBeGreaterThan(0);
    expect(tagged.data.every((slo) => slo.tags.includes(`service:${service}`))).toBe(true);
  });

  it("serves SLO history with the SLI and remaining error budget (and no data)", async () => {
    const to = Math.floor(Date.UTC(2026, 0, 15) / 1000);
    const from = to - 30 * 86_400;
    const withData = simulator.state.data.slos.find((slo) => slo.budgetPosition !== null && slo.timeframe === "30d")!;
    const answer = await get(`/api/v1/slo/${withData.id}/history`, { from_ts: from, to_ts: to });
    expectValid("get-slo-history.json", answer.body);
    const overall = (answer.body as { data: { overall: { sli_value: number; error_budget_remaining: Record<string, number> } } }).data.overall;
    const target = withData.thresholds[0]!.target;
    expect(overall.sli_value).toBeCloseTo(target + (100 - target) * withData.budgetPosition!, 3);
    expect(overall.error_budget_remaining["30d"]).toBeCloseTo(withData.budgetPosition! * 100, 1);
    simulator.control.setSloBudget(withData.id, null);
    const empty = await get(`/api/v1/slo/${withData.id}/history`, { from_ts: from, to_ts: to });
    expectValid("get-slo-history.json", empty.body);
    expect((empty.body as { data: { overall: { sli_value: null } } }).data.overall.sli_value).toBeNull();
    const monitorSlo = simulator.state.data.slos.find((slo) => slo.type === "monitor");
    if (monitorSlo) expectValid("get-slo-history.json", (await get(`/api/v1/slo/${monitorSlo.id}/history`, { from_ts: from, to_ts: to })).body);
    expectError("get-slo-history.json", 400, await get(`/api/v1/slo/${withData.id}/history`, { from_ts: from }));
    expectError("get-slo-history.json", 404, await get("/api/v1/slo/0000/history", { from_ts: from, to_ts: to }));
  });

  it("lists dashboards with count/start", async () => {
    const first = await get("/api/v1/dashboard", { count: 5, start: 0 });
    const rest = await get("/api/v1/dashboard", { count: 5, start: 10 });
    expectValid("list-dashboards.json", first.body);
    expectValid("list-dashboards.json", rest.body);
    expect((first.body as { dashboards: unknown[] }).dashboards).toHaveLength(5);
    expect((rest.body as { dashboards: unknown[] }).dashboards).toHaveLength(2);
    expectValid("list-dashboards.json", (await get("/api/v1/dashboard", { "filter[shared]": false })).body);
  });

  it("lists incidents with page[size]/page[offset] and meta.pagination, users included on request", async () => {
    const first = await get("/api/v2/incidents", { "page[size]": 10, include: "users" });
    expectValid("list-incidents.json", first.body);
    expect((first.body as { meta: unknown }).meta).toEqual({ pagination: { offset: 0, next_offset: 10, size: 10 } });
    const second = await get("/api/v2/incidents", { "page[size]": 10, "page[offset]": 10 });
    expectValid("list-incidents.json", second.body);
    expect((second.body as { data: unknown[]; meta: unknown }).meta).toEqual({ pagination: { offset: 10, next_offset: 15, size: 5 } });
  });

  it("answers 404 or 403 for incidents when the org has no Incident Management", async () => {
    simulator.control.setIncidentsEnabled(false);
    expectError("list-incidents.json", 404, await get("/api/v2/incidents"));
    simulator.control.setIncidentsEnabled(false, 403);
    expectError("list-incidents.json", 403, await get("/api/v2/incidents"));
    simulator.control.setIncidentsEnabled(true);
    expect((await get("/api/v2/incidents")).status).toBe(200);
  });

  it("validates the API key alone", async () => {
    const valid = await ddRequest(simulator.url, "/api/v1/validate", {}, { apiKey: simulator.apiKey });
    expectValid("validate.json", valid.body);
    expect(valid.body).toEqual({ valid: true });
    const invalid = await ddRequest(simulator.url, "/api/v1/validate", {}, { apiKey: "0".repeat(32) });
    expectError("validate.json", 403, invalid);
    expect(invalid.body).toEqual({ errors: ["API key required"] });
  });
});
