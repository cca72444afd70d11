import { describe, expect, it } from "vitest";
import { createDatadogSimulator, describeSeed, seedDatadogOrg } from "./index";
import { ddRequest } from "./testing/client";
import { DatadogState } from "./state";

// Seeding is deterministic at any size, honours given names and PagerDuty ids, and the world
// changes over time in a reproducible way.

const NOW = Date.UTC(2026, 2, 1);

describe("seedDatadogOrg", () => {
  it("gives the same org for the same options and seed, another for another seed", () => {
    const options = { services: 40, monitors: 300, seed: 5, now: NOW };
    expect(seedDatadogOrg(options)).toEqual(seedDatadogOrg(options));
    expect(seedDatadogOrg({ ...options, seed: 6 }).services.map((service) => service.name)).not.toEqual(seedDatadogOrg(options).services.map((service) => service.name));
  });

  it("spreads definitions over v2, v2.1 and v2.2 with teams, contacts, links and PagerDuty", () => {
    const org = seedDatadogOrg({ services: 30, seed: 1, now: NOW });
    const summary = describeSeed(org);
    expect(summary.versions).toEqual({ v2: 10, "v2.1": 10, "v2.2": 10 });
    expect(new Set(org.services.map((service) => service.name)).size).toBe(30);
    expect(org.services.filter((service) => service.team).length).toBeGreaterThan(20);
    expect(org.services.every((service) => service.contacts.some((contact) => contact.type === "email"))).toBe(true);
    expect(org.services.filter((service) => service.links.some((link) => link.type === "repo" && link.url.startsWith("https://github.com/acme/"))).length).toBeGreaterThan(20);
    expect(org.services.filter((service) => /^https:\/\/acme\.pagerduty\.com\/service-directory\/P[A-Z0-9]{6}$/.test(service.pagerdutyUrl ?? "")).length).toBeGreaterThan(10);
    expect(org.services.filter((service) => service.ingestedVersion !== "v2").every((service) => service.tier && service.lifecycle)).toBe(true);
    const dashboardLinks = org.services.flatMap((service) => service.links.filter((link) => link.type === "dashboard"));
    expect(dashboardLinks.length).toBe(org.dashboards.length - 2);
    expect(dashboardLinks.every((link) => org.dashboards.some((dashboard) => link.url === `${org.appUrl}${dashboard.url}`))).toBe(true);
  });

  it("names services after catalog components and links the PagerDuty ids given", () => {
    const org = seedDatadogOrg({ serviceNames: ["payments-api", "checkout-web"], services: 5, pagerdutyServiceIds: { "payments-api": "PABC123" }, pagerdutySubdomain: "acme-demo", seed: 2 });
    expect(org.services.map((service) => service.name).slice(0, 2)).toEqual(["payments-api", "checkout-web"]);
    expect(org.services).toHaveLength(5);
    expect(org.services[0]!.pagerdutyUrl).toBe("https://acme-demo.pagerduty.com/service-directory/PABC123");
    expect(org.services.slice(1).every((service) => service.pagerdutyUrl === null)).toBe(true);
    expect(org.monitors.some((monitor) => monitor.tags.includes("service:payments-api"))).toBe(true);
  });

  it("seeds 20,000 monitors tagged by service, with every live state", () => {
    const org = seedDatadogOrg({ services: 2000, monitors: 20_000, seed: 3, now: NOW });
    expect(org.monitors).toHaveLength(20_000);
    expect(new Set(org.monitors.map((monitor) => monitor.id)).size).toBe(20_000);
    expect(org.monitors.every((monitor, index) => index === 0 || monitor.id > org.monitors[index - 1]!.id)).toBe(true);
    expect(new Set(org.monitors.map((monitor) => monitor.state))).toEqual(new Set(["OK", "Warn", "Alert", "No Data"]));
    expect(org.monitors.filter((monitor) => monitor.tags.some((tag) => tag.startsWith("service:"))).length).toBeGreaterThan(18_000);
    expect(org.slos).toHaveLength(2000);
  });
});

describe("the world over time", () => {
  it("flips monitor states and drifts SLIs deterministically per tick", () => {
    const a = new DatadogState(seedDatadogOrg({ services: 50, seed: 8, now: NOW }));
    const b = new DatadogState(seedDatadogOrg({ services: 50, seed: 8, now: NOW }));
    const before = a.data.monitors.map((monitor) => monitor.state);
    const budgets = a.data.slos.map((slo) => slo.budgetPosition);
    const changed = a.tick(5).monitorsChanged;
    b.tick(5);
    expect(changed).toBeGreaterThan(0);
    expect(a.data.monitors.map((monitor) => monitor.state)).not.toEqual(before);
    expect(a.data.monitors.map((monitor) => monitor.state)).toEqual(b.data.monitors.map((monitor) => monitor.state));
    expect(a.data.slos.map((slo) => slo.budgetPosition)).not.toEqual(budgets);
    expect(a.data.slos.map((slo) => slo.budgetPosition)).toEqual(b.data.slos.map((slo) => slo.budgetPosition));
  });

  it("serves identical bodies from two simulators with the same seed", async () => {
    const [one, two] = await Promise.all([createDatadogSimulator({ seed: { services: 12, seed: 4, now: NOW } }), createDatadogSimulator({ seed: { services: 12, seed: 4, now: NOW } })]);
    try {
      for (const path of ["/api/v2/services/definitions", "/api/v1/monitor", "/api/v1/slo", "/api/v1/dashboard", "/api/v2/incidents"]) {
        const [left, right] = await Promise.all([one, two].map((simulator) => ddRequest(simulator.url, path, {}, { apiKey: simulator.apiKey, appKey: simulator.appKey })));
        expect(left!.text).toBe(right!.text);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("ticks on its own with tickMs", async () => {
    const simulator = await createDatadogSimulator({ seed: { services: 5, seed: 1 }, tickMs: 5 });
    try {
      await expect.poll(() => simulator.state.ticks).toBeGreaterThan(0);
    } finally {
      await simulator.close();
    }
  });
});
