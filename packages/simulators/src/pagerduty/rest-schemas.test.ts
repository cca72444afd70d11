import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "./index";
import { pdRequest, type Query } from "./testing/client";
import { PagerdutyFixtures } from "./testing/fixture-validator";

// Every endpoint the simulator serves, called over real HTTP, and every response checked against
// PagerDuty's official schema from the fixtures: plain, paged, filtered, and POST. A field that
// drifts from the documented shape fails here.

const fixtures = new PagerdutyFixtures();
const NOW = Date.UTC(2025, 5, 2, 12, 0, 0);
let simulator: PagerdutySimulator;

beforeAll(async () => {
  simulator = await createPagerdutySimulator({ now: NOW, seed: { services: 40, seed: 7, serviceNames: ["checkout-api", "payments-service"] } });
});
afterAll(() => simulator.close());

const get = (path: string, query?: Query) => pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "GET", path, { query });

function expectValid(file: string, body: unknown): void {
  expect(fixtures.validateResponse(file, body).errors, `${file} response drifted from the schema`).toEqual([]);
}

function expectError(file: string, status: number, body: unknown): void {
  expect(fixtures.validateErrorResponse(file, status, body).errors, `${file} ${status} body drifted from the schema`).toEqual([]);
}

describe("REST responses match PagerDuty's schemas", () => {
  it("GET /services: paged, filtered, totals on request", async () => {
    const first = await get("/services", { limit: 10, total: true });
    expect(first.status).toBe(200);
    expectValid("list-services.json", first.body);
    expect(first.body).toMatchObject({ limit: 10, offset: 0, more: true, total: 40 });
    const second = await get("/services", { limit: 10, offset: 30 });
    expectValid("list-services.json", second.body);
    expect(second.body).toMatchObject({ limit: 10, offset: 30, more: false, total: null });
    const named = (await get("/services", { query: "checkout" })).body as { services: { name: string }[] };
    expect(named.services.map((service) => service.name)).toContain("checkout-api");
    const team = [...simulator.state.teams.values()][0]!;
    const ofTeam = (await get("/services", { "team_ids": [team.id], limit: 100 })).body as { services: { teams: { id: string }[] }[] };
    expect(ofTeam.services.length).toBeGreaterThan(0);
    expect(ofTeam.services.every((service) => service.teams.some((entry) => entry.id === team.id))).toBe(true);
  });

  it("GET /services/{id} and its 404", async () => {
    const service = [...simulator.state.services.values()][0]!;
    const found = await get(`/services/${service.id}`);
    expectValid("get-service.json", found.body);
    expect((found.body as { service: { name: string } }).service.name).toBe("checkout-api");
    const missing = await get("/services/PNOPE00");
    expect(missing.status).toBe(404);
    expectError("get-service.json", 404, missing.body);
    expect(missing.body).toEqual({ error: { message: "Not Found", code: 2100 } });
  });

  it("GET /escalation_policies, /schedules (with layers), /teams, /users", async () => {
    const policies = await get("/escalation_policies", { limit: 100 });
    expectValid("list-escalation-policies.json", policies.body);
    const policyList = (policies.body as { escalation_policies: { escalation_rules: unknown[] }[] }).escalation_policies;
    expect(policyList.length).toBe(simulator.state.policies.size);
    expect(policyList.every((policy) => policy.escalation_rules.length === 2)).toBe(true);

    const schedules = await get("/schedules", { "include": ["schedule_layers"] });
    expectValid("list-schedules.json", schedules.body);
    expect((schedules.body as { limit: number }).limit).toBe(100);
    const layered = (schedules.body as { schedules: { schedule_layers: unknown[] }[] }).schedules;
    expect(layered.some((schedule) => schedule.schedule_layers.length === 2)).toBe(true);
    expectValid("list-schedules.json", (await get("/schedules")).body);

    expectValid("list-teams.json", (await get("/teams")).body);
    const users = await get("/users", { limit: 5, offset: 5, total: true });
    expectValid("list-users.json", users.body);
    expect(users.body).toMatchObject({ limit: 5, offset: 5, more: true, total: simulator.state.users.size });
    const someone = [...simulator.state.users.values()][3]!;
    const byEmail = (await get("/users", { query: someone.email })).body as { users: { id: string }[] };
    expect(byEmail.users.map((user) => user.id)).toEqual([someone.id]);
  });

  it("GET /oncalls: now, a window, earliest, filters, include[]=users", async () => {
    const now = await get("/oncalls", { limit: 100 });
    expectValid("list-on-calls.json", now.body);
    const entries = (now.body as { oncalls: { escalation_level: number; start: string | null; end: string | null; schedule: unknown }[] }).oncalls;
    // Every policy has someone at levels 1 and 2 right now.
    expect(entries.filter((entry) => entry.escalation_level === 1).length).toBe(simulator.state.policies.size);
    expect(entries.every((entry) => entry.start === null || (Date.parse(entry.start) <= NOW && Date.parse(entry.end!) > NOW))).toBe(true);
    expect(entries.some((entry) => entry.start === null && entry.schedule === null)).toBe(true);

    const week = { since: new Date(NOW).toISOString(), until: new Date(NOW + 7 * 86_400_000).toISOString() };
    const next = await get("/oncalls", { ...week, earliest: true, limit: 100, total: true });
    expectValid("list-on-calls.json", next.body);
    expect((next.body as { total: number }).total).toBeGreaterThan(entries.length);

    const policy = [...simulator.state.policies.values()][1]!;
    const one = (await get("/oncalls", { ...week, "escalation_policy_ids": [policy.id] })).body as { oncalls: { escalation_policy: { id: string } }[] };
    expect(one.oncalls.every((entry) => entry.escalation_policy.id === policy.id)).toBe(true);

    const expanded = await get("/oncalls", { "include": ["users"], limit: 3 });
    const user = (expanded.body as { oncalls: { user: unknown }[] }).oncalls[0]!.user;
    expect(fixtures.validateResponse("list-users.json", { users: [user], limit: 1, offset: 0, more: false, total: null }).errors).toEqual([]);
  });

  it("GET /incidents: window, statuses, services, urgencies, sort_by", async () => {
    const open = await get("/incidents", { "statuses": ["triggered", "acknowledged"], date_range: "all", limit: 100 });
    expectValid("list-incidents.json", open.body);
    const openList = (open.body as { incidents: { status: string; resolved_at: string | null; assignments: unknown[] }[] }).incidents;
    expect(openList.length).toBeGreaterThan(0);
    expect(openList.every((incident) => incident.status !== "resolved" && incident.resolved_at === null && incident.assignments.length === 1)).toBe(true);

    const week = await get("/incidents", { "statuses": ["resolved"], since: new Date(NOW - 7 * 86_400_000).toISOString(), until: new Date(NOW).toISOString(), limit: 50, total: true });
    expectValid("list-incidents.json", week.body);
    const resolved = (week.body as { incidents: { created_at: string; resolved_at: string }[]; total: number }).incidents;
    expect(resolved.every((incident) => Date.parse(incident.created_at) >= NOW - 7 * 86_400_000 && incident.resolved_at)).toBe(true);

    const service = simulator.state.incidents[0]!.serviceId;
    const ofService = (await get("/incidents", { "service_ids": [service], date_range: "all", "sort_by": ["created_at:desc"], "urgencies": ["high", "low"], limit: 100 })).body as { incidents: { service: { id: string }; created_at: string }[] };
    expect(ofService.incidents.every((incident) => incident.service.id === service)).toBe(true);
    const times = ofService.incidents.map((incident) => Date.parse(incident.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const tooWide = await get("/incidents", { since: "2024-01-01T00:00:00Z", until: "2025-06-01T00:00:00Z" });
    expect(tooWide.status).toBe(400);
    expectError("list-incidents.json", 400, tooWide.body);
  });

  it("GET /abilities", async () => {
    const abilities = await get("/abilities");
    expectValid("list-abilities.json", abilities.body);
    expect((abilities.body as { abilities: string[] }).abilities).toContain("teams");
  });

  it("POST /incidents: 201 with the incident, From required, dedup key conflicts", async () => {
    const service = [...simulator.state.services.values()][1]!;
    const requester = [...simulator.state.users.values()][2]!;
    const request = { incident: { type: "incident", title: "Checkout is down", service: { id: service.id, type: "service_reference" }, urgency: "high", incident_key: "greenroom-test-1" } };
    expect(fixtures.validateRequest("create-incident.json", request).errors).toEqual([]);
    const created = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "POST", "/incidents", { body: request, headers: { from: requester.email } });
    expect(created.status).toBe(201);
    expectValid("create-incident.json", created.body);
    expect((created.body as { incident: { status: string; incident_key: string } }).incident).toMatchObject({ status: "triggered", incident_key: "greenroom-test-1" });

    const duplicate = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "POST", "/incidents", { body: request, headers: { from: requester.email } });
    expect(duplicate.status).toBe(400);
    expectError("create-incident.json", 400, duplicate.body);

    const anonymous = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "POST", "/incidents", { body: request });
    expect(anonymous.status).toBe(400);
    expect(JSON.stringify(anonymous.body)).toContain("From");
    const stranger = await pdRequest(simulator.url, DEFAULT_PAGERDUTY_TOKEN, "POST", "/incidents", { body: request, headers: { from: "nobody@elsewhere.example" } });
    expect(stranger.status).toBe(400);
  });
});
