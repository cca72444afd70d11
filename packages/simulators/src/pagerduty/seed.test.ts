import { afterAll, describe, expect, it, vi } from "vitest";

import { createPagerdutySimulator, describePagerdutySeed, policyOncalls, seedPagerdutyAccount, type PagerdutySimulator } from "./index";
import { pagerdutySimulatorEnv } from "./env";
import { DAY } from "./model";

// Seeding is deterministic at any size, names services after the catalog when asked, and places
// rotations and incidents around the clock so "on call now", "next" and "recent" always exist.
// Ticks continue the story deterministically; the control API drives it over HTTP.

const NOW = Date.UTC(2025, 5, 2, 12);
const simulators: PagerdutySimulator[] = [];
afterAll(() => Promise.all(simulators.map((simulator) => simulator.close())));

describe("seedPagerdutyAccount", () => {
  it("gives identical accounts for the same options, different ones for another seed", () => {
    const options = { services: 25, seed: "demo", now: NOW };
    expect(JSON.stringify(seedPagerdutyAccount(options))).toBe(JSON.stringify(seedPagerdutyAccount(options)));
    expect(JSON.stringify(seedPagerdutyAccount({ ...options, seed: "other" }))).not.toBe(JSON.stringify(seedPagerdutyAccount(options)));
  });

  it("scales from 10 to 2,000 services with unique ids, names and integration keys", () => {
    for (const services of [10, 2_000]) {
      const account = seedPagerdutyAccount({ services, now: NOW });
      const summary = describePagerdutySeed(account);
      expect(summary.services).toBe(services);
      expect(summary.escalationPolicies).toBe(Math.ceil(services * 0.6));
      expect(summary.openIncidents).toBeGreaterThan(0);
      const ids = [account.teams, account.users, account.schedules, account.policies, account.services, account.incidents].flat().map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^P[0-9A-V]{6}$/.test(id))).toBe(true);
      expect(new Set(account.services.map((service) => service.name)).size).toBe(services);
      expect(account.services.every((service) => /^[0-9a-f]{32}$/.test(service.integrationKey))).toBe(true);
      expect(new Set(account.services.map((service) => service.integrationKey)).size).toBe(services);
      expect(new Set(account.users.map((user) => user.email)).size).toBe(account.users.length);
      expect(account.policies.every((policy) => policy.rules.length === 2)).toBe(true);
    }
  });

  it("names the first services after the given catalog components", () => {
    const account = seedPagerdutyAccount({ serviceNames: ["checkout-api", "ledger-worker", "search-web"], now: NOW });
    expect(account.services.map((service) => service.name)).toEqual(["checkout-api", "ledger-worker", "search-web"]);
    const more = seedPagerdutyAccount({ services: 5, serviceNames: ["checkout-api"], now: NOW });
    expect(more.services[0]!.name).toBe("checkout-api");
    expect(more.services).toHaveLength(5);
  });

  it("gives the first services the catalog's ids and the first users the given people, leaving the rest as they were", () => {
    const plain = seedPagerdutyAccount({ services: 6, now: NOW });
    const named = seedPagerdutyAccount({ services: 6, serviceIds: ["P000000", "P00063Z"], people: [{ name: "Ada Admin", email: "Admin@acme.example" }], now: NOW });
    expect(named.services.map((service) => service.id).slice(0, 3)).toEqual(["P000000", "P00063Z", plain.services[2]!.id]);
    expect(named.users[0]).toMatchObject({ name: "Ada Admin", email: "admin@acme.example" });
    expect(named.users.slice(1)).toEqual(plain.users.slice(1));
  });

  it("reads the demo's service ids and people from the standalone environment", () => {
    const env = pagerdutySimulatorEnv(["--service-ids", "P1,P2", "--people", "Ada Admin <admin@acme.example>, Grace Hopper <grace@acme.example>"]);
    expect(env.PAGERDUTY_SIMULATOR_SERVICE_IDS).toEqual(["P1", "P2"]);
    expect(env.PAGERDUTY_SIMULATOR_PEOPLE).toEqual([{ name: "Ada Admin", email: "admin@acme.example" }, { name: "Grace Hopper", email: "grace@acme.example" }]);
    expect(() => pagerdutySimulatorEnv(["--people", "just-a-name"])).toThrow();
  });

  it("has someone on call now and someone next at level 1 of every policy", () => {
    const account = seedPagerdutyAccount({ services: 40, now: NOW });
    const schedules = new Map(account.schedules.map((schedule) => [schedule.id, schedule]));
    for (const policy of account.policies) {
      const week = policyOncalls(policy, schedules, NOW, NOW + 7 * DAY).filter((entry) => entry.level === 1);
      expect(week.some((entry) => entry.start! <= NOW && entry.end! > NOW)).toBe(true);
      expect(week.some((entry) => entry.start! > NOW)).toBe(true);
    }
  });

  it("packs historical incidents into the last days: enough to pass the 10,000 cap", () => {
    const account = seedPagerdutyAccount({ services: 10, now: NOW, historicalIncidents: 12_000, historicalDays: 5 });
    const recent = account.incidents.filter((incident) => incident.status === "resolved" && incident.createdAt >= NOW - 7 * DAY);
    expect(recent.length).toBeGreaterThan(12_000);
    expect(account.incidents.map((incident) => incident.number)).toEqual(account.incidents.map((_, index) => index + 1));
  });
});

describe("ticks and control", () => {
  it("ticks the same way on the same seed, and changes open incidents", async () => {
    const make = async () => {
      const simulator = await createPagerdutySimulator({ now: NOW, seed: { services: 20, seed: 9 } });
      simulators.push(simulator);
      return simulator;
    };
    const [one, two] = [await make(), await make()];
    const before = one.state.openIncidents().map((incident) => `${incident.id}:${incident.status}`);
    const first = one.control.tick(12);
    expect(two.control.tick(12)).toEqual(first);
    expect(first.some((outcome) => outcome.triggered.length > 0)).toBe(true);
    expect(first.some((outcome) => outcome.resolved.length > 0 || outcome.acknowledged.length > 0)).toBe(true);
    expect(one.state.openIncidents().map((incident) => `${incident.id}:${incident.status}`)).not.toEqual(before);
  });

  it("ticks on its own with tickMs", async () => {
    const simulator = await createPagerdutySimulator({ seed: { services: 5, seed: 8 }, tickMs: 10 });
    simulators.push(simulator);
    await vi.waitFor(() => expect(simulator.state.ticks).toBeGreaterThan(2), { timeout: 5_000 });
    simulator.control.setTickInterval(null);
    expect(simulator.control.account().tickMs).toBeNull();
  });

  it("drives the simulator over /_control", async () => {
    const simulator = await createPagerdutySimulator({ now: NOW, seed: { services: 8, seed: 4 } });
    simulators.push(simulator);
    const call = async (path: string, body?: unknown) => {
      const response = await fetch(`${simulator.url}/_control/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const account = (await call("account")).json as { services: { name: string; integrationKey: string }[]; tokens: string[]; requesterEmails: string[] };
    expect(account.services).toHaveLength(8);
    expect(account.tokens).toEqual(simulator.tokens);
    expect(account.requesterEmails.length).toBeGreaterThan(0);

    const opened = await call("incidents/trigger", { service: account.services[0]!.name, title: "Manual page" });
    expect(opened.json).toMatchObject({ status: "triggered", title: "Manual page" });
    expect((await call("incidents/resolve", { id: opened.json.id })).json).toMatchObject({ status: "resolved" });
    expect(((await call("tick", { count: 3 })).json as unknown as unknown[]).length).toBe(3);
    expect((await call("clock", { seconds: 3600 })).status).toBe(200);
    expect(simulator.state.now()).toBe(NOW + 3_600_000);
    expect((await call("incidents/trigger", { service: "no-such-service", title: "x" })).status).toBe(400);
    expect((await call("nope")).status).toBe(404);
  });
});
