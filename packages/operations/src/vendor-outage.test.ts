import { randomBytes } from "node:crypto";

import { CONNECTORS, createIntegration, runIntegrationSync, type SyncPayload } from "@greenroom/connectors";
import { closeSharedRedis } from "@greenroom/queue";
import { createDatadogSimulator, type DatadogSimulator } from "@greenroom/simulators/datadog";
import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { operationsForEntity } from "./entity-operations";
import { operationsFreshness } from "./freshness";
import { component, importYaml, inTenant, newTenant } from "./testing";

// One vendor down, the other fine: PagerDuty answers 503 to everything while Datadog syncs.
// Nothing PagerDuty synced before is deleted; it is shown marked stale with the reason.

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-ops-outage-${randomBytes(3).toString("hex")}`;
process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";

let pagerduty: PagerdutySimulator;
let datadog: DatadogSimulator;
beforeAll(async () => {
  pagerduty = await createPagerdutySimulator({ seed: { serviceNames: ["payments-api"], services: 4, openIncidents: 3, seed: 9 } });
  datadog = await createDatadogSimulator({ seed: { serviceNames: ["payments"], services: 3, monitors: 12, slos: 3, seed: 9 } });
});
afterAll(async () => {
  await pagerduty.close();
  await datadog.close();
  await closeSharedRedis();
});

const options = { connectors: CONNECTORS, pagesPerSlice: 1_000 };

describe("a partial outage of one vendor", () => {
  it("keeps the failing vendor's data, marked stale, while the other keeps syncing", async () => {
    const tenantId = await newTenant("outage");
    const serviceId = [...pagerduty.state.services.values()].find((service) => service.name === "payments-api")!.id;
    await importYaml(tenantId, component("payments", "team-pay", { "pagerduty.com/service-id": serviceId }));
    const [pd, dd] = await inTenant(tenantId, async (db) => [
      await createIntegration(db, { kind: "PAGERDUTY", name: "PagerDuty", config: { baseUrl: pagerduty.url, eventsUrl: pagerduty.url }, secrets: { token: DEFAULT_PAGERDUTY_TOKEN }, intervalMinutes: 15, createdById: null }),
      await createIntegration(db, { kind: "DATADOG", name: "Datadog", config: { baseUrl: datadog.url }, secrets: { apiKey: datadog.apiKey, appKey: datadog.appKey }, intervalMinutes: 15, createdById: null }),
    ]);
    const payload = (integrationId: string): SyncPayload => ({ tenantId, integrationId, trigger: "manual" });

    expect(await runIntegrationSync(payload(pd!.id), undefined, options)).toMatchObject({ status: "succeeded" });
    expect(await runIntegrationSync(payload(dd!.id), undefined, options)).toMatchObject({ status: "succeeded" });
    const before = await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/payments"));
    expect(before?.pagerduty.services.map((service) => service.externalId)).toEqual([serviceId]);
    expect(before?.datadog.monitors.length).toBeGreaterThan(0);

    // PagerDuty goes down: its final attempt fails (no job → no retries left).
    pagerduty.control.setFaults({ errorRate: 1, errorStatuses: [503] });
    await expect(runIntegrationSync(payload(pd!.id), undefined, options)).rejects.toThrow(/503/);
    const monitor = datadog.state.data.monitors.find((entry) => entry.tags.includes("service:payments"))!;
    datadog.control.setMonitorState(monitor.id, monitor.state === "Alert" ? "OK" : "Alert");
    expect(await runIntegrationSync(payload(dd!.id), undefined, options)).toMatchObject({ status: "succeeded", updated: 1 });

    const after = await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/payments"));
    // PagerDuty's services, on-call and incidents are all still there...
    expect(after?.pagerduty).toEqual(before?.pagerduty);
    expect(after?.incidents).toEqual(before?.incidents);
    // ...and Datadog moved on.
    expect(after?.datadog.monitors.find((entry) => entry.externalId === String(monitor.id))?.data.overallState).not.toBe(before?.datadog.monitors.find((entry) => entry.externalId === String(monitor.id))?.data.overallState);

    const freshness = await inTenant(tenantId, (db) => operationsFreshness(db));
    expect(freshness.find((entry) => entry.kind === "PAGERDUTY")).toMatchObject({ stale: true, problem: expect.stringMatching(/503/) });
    expect(freshness.find((entry) => entry.kind === "DATADOG")).toMatchObject({ stale: false, problem: null });
    pagerduty.control.clearFaults();
  });
});
