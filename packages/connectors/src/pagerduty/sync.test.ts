import { randomBytes, randomUUID } from "node:crypto";

import { withTenant } from "@greenroom/db";
import { closeSharedRedis } from "@greenroom/queue";
import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createIntegration } from "../framework/integrations";
import { runIntegrationSync } from "../framework/sync";
import { pagerdutyConnector } from "./connector";
import { triggerPagerdutyIncident } from "./trigger";

// The PagerDuty connector through the sync engine (real Postgres and Redis): a first run stores
// every record, an unchanged second run writes nothing, and an incident triggered in between is
// in the third.
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-pd-sync-${randomBytes(3).toString("hex")}`;
process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";

let simulator: PagerdutySimulator;
beforeAll(async () => {
  simulator = await createPagerdutySimulator({ seed: { services: 15, seed: 51 } });
});
afterAll(async () => {
  await simulator.close();
  await closeSharedRedis();
});

const options = { connectors: { PAGERDUTY: pagerdutyConnector }, pagesPerSlice: 10_000, fetch };

describe("PagerDuty through runIntegrationSync", () => {
  it("stores the records, writes nothing when unchanged, and picks up a new incident", async () => {
    const tenantId = randomUUID();
    await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `pd-${tenantId.slice(0, 8)}`, name: "PagerDuty sync", trialEndsAt: new Date() }));
    const integration = await withTenant({ tenantId }, (db) =>
      createIntegration(db, { kind: "PAGERDUTY", name: "PagerDuty", config: { baseUrl: simulator.url, eventsUrl: simulator.url, pageSize: 20 }, secrets: { token: DEFAULT_PAGERDUTY_TOKEN }, intervalMinutes: 15, createdById: null }),
    );
    const payload = { tenantId, integrationId: integration.id, trigger: "manual" as const };

    const first = await runIntegrationSync(payload, undefined, options);
    expect(first.status).toBe("succeeded");
    const counts = await withTenant({ tenantId }, (db) => db.opsRecords.countByType(integration.id));
    const { state } = simulator;
    expect(counts).toMatchObject({
      "pagerduty.team": state.teams.size,
      "pagerduty.user": state.users.size,
      "pagerduty.escalation_policy": state.policies.size,
      "pagerduty.schedule": state.schedules.size,
      "pagerduty.service": state.services.size,
    });
    expect(counts["pagerduty.oncall"]).toBeGreaterThan(state.policies.size * 2);
    expect(counts["pagerduty.incident"]).toBeGreaterThanOrEqual(state.openIncidents().length);

    const second = await runIntegrationSync(payload, undefined, options);
    expect(second).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0 });

    const service = [...state.services.values()].find((entry) => entry.baseStatus === "active")!;
    await triggerPagerdutyIncident({ config: { baseUrl: simulator.url, eventsUrl: simulator.url }, secrets: { token: DEFAULT_PAGERDUTY_TOKEN }, fetch }, { integrationKey: service.integrationKey, summary: "Paged from the portal", requesterEmail: "someone@example.com", source: service.name });
    const third = await runIntegrationSync(payload, undefined, options);
    expect(third).toMatchObject({ status: "succeeded", created: 1 });
    const linked = await withTenant({ tenantId }, (db) => db.opsRecords.byLinks([`pagerduty:service:${service.id}`], { types: ["pagerduty.incident"], states: ["triggered"] }));
    expect(linked.map((record) => record.title)).toContain("Paged from the portal");
  });
});
