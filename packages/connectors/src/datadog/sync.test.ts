import { randomBytes, randomUUID } from "node:crypto";

import { parseCatalogEntities } from "@greenroom/catalog";
import { applyMutation, ensureSource, sourceName } from "@greenroom/catalog/engine";
import { withTenant } from "@greenroom/db";
import { closeSharedRedis } from "@greenroom/queue";
import { createDatadogSimulator, type DatadogSimulator } from "@greenroom/simulators/datadog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createIntegration } from "../framework/integrations";
import { runIntegrationSync } from "../framework/sync";
import { datadogConnector } from "./connector";

// The Datadog connector through the sync engine against real Postgres and Redis: records stored
// beside the catalog, service definitions becoming Components except where another source
// already owns the entity, an unchanged re-sync writing nothing, and a changed world updating.

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-dd-sync-${randomBytes(3).toString("hex")}`;
process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";

let simulator: DatadogSimulator;
beforeAll(async () => {
  simulator = await createDatadogSimulator({ seed: { services: 12, monitors: 90, slos: 14, dashboards: 6, incidents: 7, seed: 31, serviceNames: ["payments-api"] } });
});
afterAll(async () => {
  await simulator.close();
  await closeSharedRedis();
});

const options = { connectors: { DATADOG: datadogConnector }, pagesPerSlice: 1_000 };

async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `dd-${tenantId.slice(0, 8)}`, name: "Datadog sync test", trialEndsAt: new Date() }));
  return tenantId;
}

describe("Datadog through runIntegrationSync", () => {
  it("stores records, creates Components nobody else owns, re-syncs unchanged and follows changes", async () => {
    const tenantId = await newTenant();
    // "payments-api" already comes from another source (a GitHub repository, say).
    await withTenant({ tenantId }, async (db) => {
      const source = await ensureSource(db, { kind: "PUSH", key: "github-like" });
      const parsed = parseCatalogEntities([{ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "payments-api" }, spec: { type: "service", lifecycle: "production", owner: "group:default/payments" } }], { sourceName: source.name });
      await applyMutation(db, source, { type: "full", entities: parsed.entities });
    });
    const integration = await withTenant({ tenantId }, (db) =>
      createIntegration(db, {
        kind: "DATADOG",
        name: "Datadog",
        config: { baseUrl: simulator.url, incidents: true, servicePageSize: 5, monitorPageSize: 40, sloPageSize: 5 },
        secrets: { apiKey: simulator.apiKey, appKey: simulator.appKey },
        intervalMinutes: 60,
        createdById: null,
      }),
    );
    const payload = { tenantId, integrationId: integration.id, trigger: "manual" as const };

    const first = await runIntegrationSync(payload, undefined, options);
    expect(first.status).toBe("succeeded");
    const stored = await withTenant({ tenantId }, async (db) => ({
      counts: await db.opsRecords.countByType(integration.id),
      owned: (await db.catalogWrites.entitiesOfSource((await db.catalogSources.findByName(sourceName("INTEGRATION", integration.id)))!.id)).length,
    }));
    expect(stored.counts).toEqual({ "datadog.service": 12, "datadog.monitor": 90, "datadog.slo": 14, "datadog.dashboard": 6, "datadog.incident": 7 });
    // 12 definitions, one of which enriches the entity the other source owns.
    expect(stored.owned).toBe(11);

    const second = await runIntegrationSync(payload, undefined, options);
    expect(second).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0 });

    const monitor = simulator.state.data.monitors[0]!;
    simulator.control.setMonitorState(monitor.id, monitor.state === "Alert" ? "OK" : "Alert");
    const third = await runIntegrationSync(payload, undefined, options);
    expect(third).toMatchObject({ status: "succeeded", created: 0, updated: 1, deleted: 0 });
    const record = await withTenant({ tenantId }, (db) => db.opsRecords.find(integration.id, "datadog.monitor", String(monitor.id)));
    expect(record?.state).toBe(simulator.state.monitor(monitor.id)!.state);
  });
});
