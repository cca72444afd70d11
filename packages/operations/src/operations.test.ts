import { opsLinkKey, type OpsRecord } from "@greenroom/connectors/framework";
import { catalogRowVersions } from "@greenroom/db/testing";
import { describe, expect, it } from "vitest";

import { badgesForEntities } from "./badges";
import { whatIsBurning } from "./burning";
import { operationsForEntity } from "./entity-operations";
import { operationsFreshness } from "./freshness";
import { confirmMapping, nameForms, serviceMappings } from "./mappings";
import { teamOnCall } from "./team-operations";
import { component, importYaml, incident, inTenant, monitor, newIntegration, newTenant, pagerdutyWorld, slo, storeRecords } from "./testing";

describe("stored operational records", () => {
  it("are written once: an unchanged sync writes no row, a change updates, a vanished object is removed", async () => {
    const tenantId = await newTenant();
    const integrationId = await newIntegration(tenantId, "PAGERDUTY");
    const world = [...pagerdutyWorld(Date.now(), [{ id: "P1", name: "payments", policy: "E1" }]), incident("Q1", "P1", "triggered")];
    expect(await storeRecords(tenantId, integrationId, world)).toMatchObject({ created: world.length, updated: 0, deleted: 0, unchanged: 0, invalid: [] });

    const before = await catalogRowVersions(tenantId);
    // Same content in another key order: still unchanged.
    const reordered = world.map((record) => ({ ...record, data: Object.fromEntries(Object.entries(record.data).reverse()) }) as OpsRecord);
    expect(await storeRecords(tenantId, integrationId, reordered)).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: world.length });
    expect(await catalogRowVersions(tenantId)).toEqual(before);

    const acknowledged = world.map((record) => (record.externalId === "Q1" ? incident("Q1", "P1", "acknowledged") : record));
    const withoutOncalls = acknowledged.filter((record) => record.type !== "pagerduty.oncall");
    expect(await storeRecords(tenantId, integrationId, withoutOncalls)).toMatchObject({ created: 0, updated: 1, deleted: 3 });
  });

  it("reports a record that breaks its type's schema and stores the rest", async () => {
    const tenantId = await newTenant();
    const integrationId = await newIntegration(tenantId, "DATADOG");
    const broken = { ...monitor("M2", "payments", "Alert"), data: { name: "no state" } } as unknown as OpsRecord;
    const result = await storeRecords(tenantId, integrationId, [monitor("M1", "payments", "OK"), broken]);
    expect(result.created).toBe(1);
    expect(result.invalid).toEqual([expect.stringMatching(/^datadog\.monitor M2: /)]);
  });
});

describe("linking records to catalog entities", () => {
  it("links by the pagerduty.com/service-id annotation and shows on call now and next, levels 1 and 2", async () => {
    const tenantId = await newTenant();
    await importYaml(tenantId, component("payments", "team-pay", { "pagerduty.com/service-id": "P1" }));
    const integrationId = await newIntegration(tenantId, "PAGERDUTY");
    const now = Date.now();
    await storeRecords(tenantId, integrationId, [...pagerdutyWorld(now, [{ id: "P1", name: "Payments API", policy: "E1" }]), incident("Q1", "P1", "triggered"), incident("Q2", "P1", "resolved")]);

    const operations = await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/payments", new Date(now)));
    expect(operations?.linked).toBe(true);
    expect(operations?.pagerduty.services.map((service) => service.externalId)).toEqual(["P1"]);
    const [policy] = operations!.pagerduty.onCall;
    expect(policy!.now.map((shift) => [shift.level, shift.userName])).toEqual([
      [1, "Ada"],
      [2, "Grace"],
    ]);
    expect(policy!.next.map((shift) => [shift.level, shift.userName])).toEqual([[1, "Linus"]]);
    expect(operations!.incidents.map((entry) => [entry.id, entry.open])).toEqual([
      ["Q1", true],
      ["Q2", false],
    ]);
    expect(operations!.canTrigger).toBe(true);
  });

  it("never links by a name match alone: unlinked services get suggestions, linked only once an admin confirms", async () => {
    const tenantId = await newTenant();
    await importYaml(tenantId, [component("checkout", "team-shop"), component("search", "team-find")].join("---\n"));
    const integrationId = await newIntegration(tenantId, "PAGERDUTY");
    await storeRecords(tenantId, integrationId, [...pagerdutyWorld(Date.now(), [{ id: "P7", name: "Checkout Service", policy: "E7" }, { id: "P8", name: "Billing", policy: "E8" }]), incident("Q7", "P7", "triggered")]);

    const before = await inTenant(tenantId, (db) => serviceMappings(db, integrationId, "pagerduty.service"));
    expect(before.map((service) => [service.name, service.link.status])).toEqual([
      ["Billing", "unlinked"],
      ["Checkout Service", "unlinked"],
    ]);
    const checkout = before.find((service) => service.name === "Checkout Service")!;
    expect(checkout.link).toMatchObject({ status: "unlinked", suggestions: [{ ref: "component:default/checkout" }] });
    expect(before.find((service) => service.name === "Billing")!.link).toMatchObject({ status: "unlinked", suggestions: [] });
    // The suggestion alone links nothing.
    expect((await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/checkout")))?.linked).toBe(false);

    await inTenant(tenantId, (db) => confirmMapping(db, { integrationId, type: "pagerduty.service", externalId: "P7", entityRef: "component:default/checkout", confirmedById: null }));
    const after = await inTenant(tenantId, (db) => serviceMappings(db, integrationId, "pagerduty.service"));
    expect(after.find((service) => service.name === "Checkout Service")!.link).toMatchObject({ status: "mapped", entityRef: "component:default/checkout" });
    const operations = await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/checkout"));
    expect(operations?.incidents.map((entry) => entry.id)).toEqual(["Q7"]);

    await expect(inTenant(tenantId, (db) => confirmMapping(db, { integrationId, type: "pagerduty.service", externalId: "P404", entityRef: "component:default/checkout", confirmedById: null }))).rejects.toThrow(/not in this integration/);
    await expect(inTenant(tenantId, (db) => confirmMapping(db, { integrationId, type: "pagerduty.service", externalId: "P8", entityRef: "component:default/nope", confirmedById: null }))).rejects.toThrow(/No catalog entity/);
  });

  it("links Datadog monitors and SLOs by service tag to the component of that name or its datadoghq.com/service-name", async () => {
    const tenantId = await newTenant();
    await importYaml(tenantId, [component("payments", "team-pay"), component("ledger", "team-pay", { "datadoghq.com/service-name": "ledger-svc" })].join("---\n"));
    const integrationId = await newIntegration(tenantId, "DATADOG");
    await storeRecords(tenantId, integrationId, [
      monitor("M1", "payments", "Alert"),
      monitor("M2", "payments", "OK"),
      monitor("M3", "payments", "Warn"),
      monitor("M4", "ledger-svc", "Alert"),
      monitor("M5", "ledger", "Alert"),
      slo("S1", "payments", 12),
      slo("S2", "ledger-svc", -3),
    ]);
    const payments = await inTenant(tenantId, (db) => operationsForEntity(db, "component:default/payments"));
    expect(payments?.datadog.monitors.map((entry) => entry.externalId)).toEqual(["M1", "M3", "M2"]);
    expect(payments?.datadog.monitorCounts).toEqual({ Alert: 1, Warn: 1, OK: 1 });
    expect(payments?.datadog.slos.map((entry) => [entry.externalId, entry.state])).toEqual([["S1", "at_risk"]]);

    const badges = await inTenant(tenantId, (db) => badgesForEntities(db, ["component:default/payments", "component:default/ledger"]));
    expect(badges["component:default/payments"]).toMatchObject({ alerting: 1, warning: 1, slosAtRisk: 1, slosBreached: 0 });
    // The annotation replaces the name: M5 (service:ledger) does not reach it, M4 does.
    expect(badges["component:default/ledger"]).toMatchObject({ alerting: 1, slosBreached: 1 });
  });
});

describe("org and team views", () => {
  it("groups what is burning by owning team, with unlinked problems listed apart", async () => {
    const tenantId = await newTenant();
    await importYaml(tenantId, [component("payments", "team-pay", { "pagerduty.com/service-id": "P1" }), component("search", "team-find")].join("---\n"));
    const pagerduty = await newIntegration(tenantId, "PAGERDUTY");
    const datadog = await newIntegration(tenantId, "DATADOG");
    await storeRecords(tenantId, pagerduty, [...pagerdutyWorld(Date.now(), [{ id: "P1", name: "payments", policy: "E1" }, { id: "P2", name: "mystery", policy: "E2" }]), incident("Q1", "P1", "triggered"), incident("Q2", "P2", "acknowledged", "low"), incident("Q3", "P1", "resolved")]);
    await storeRecords(tenantId, datadog, [monitor("M1", "search", "Alert"), monitor("M2", "search", "OK")]);

    const burning = await inTenant(tenantId, (db) => whatIsBurning(db));
    expect(burning.totals).toEqual({ incidents: 2, highUrgency: 1, alerting: 1 });
    expect(burning.groups.map((group) => [group.ownerRef, group.incidents.map((entry) => entry.id), group.monitors.map((entry) => entry.externalId)])).toEqual([
      ["group:default/team-pay", ["Q1"], []],
      ["group:default/team-find", [], ["M1"]],
      [null, ["Q2"], []],
    ]);

    const team = await inTenant(tenantId, (db) => teamOnCall(db, "group:default/team-pay"));
    expect(team.now.map((shift) => [shift.level, shift.userName, shift.services])).toEqual([
      [1, "Ada", ["payments"]],
      [2, "Grace", ["payments"]],
    ]);
    expect(team.badges.openIncidents).toBe(1);
  });

  it("marks data stale when the last sync failed, and keeps it", async () => {
    const tenantId = await newTenant();
    const integrationId = await newIntegration(tenantId, "PAGERDUTY");
    await storeRecords(tenantId, integrationId, [incident("Q1", "P1", "triggered")]);
    await inTenant(tenantId, async (db) => {
      const ok = await db.integrationSyncRuns.create(integrationId, "schedule");
      await db.integrationSyncRuns.update(ok.id, { status: "succeeded", finishedAt: new Date() });
    });
    const fresh = await inTenant(tenantId, (db) => operationsFreshness(db));
    expect(fresh).toMatchObject([{ integrationId, stale: false, problem: null }]);
    expect(fresh[0]!.nextSyncAt).not.toBeNull();

    await inTenant(tenantId, async (db) => {
      const failed = await db.integrationSyncRuns.create(integrationId, "schedule");
      await db.integrationSyncRuns.update(failed.id, { status: "failed", finishedAt: new Date(), message: "PagerDuty answered 503; will retry" });
    });
    const stale = await inTenant(tenantId, (db) => operationsFreshness(db));
    expect(stale).toMatchObject([{ stale: true, problem: "PagerDuty answered 503; will retry" }]);
    expect(await inTenant(tenantId, (db) => db.opsRecords.ofType("pagerduty.incident"))).toHaveLength(1);
  });

  it("keeps tenants apart: another org's records and mappings are invisible", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    await importYaml(b, component("payments", "team-pay", { "pagerduty.com/service-id": "P1" }));
    const integrationA = await newIntegration(a, "PAGERDUTY");
    await storeRecords(a, integrationA, [incident("Q1", "P1", "triggered")]);
    expect((await inTenant(b, (db) => operationsForEntity(db, "component:default/payments")))?.incidents).toEqual([]);
    expect((await inTenant(b, (db) => whatIsBurning(db))).totals.incidents).toBe(0);
    expect(await inTenant(b, (db) => db.opsRecords.byLinks([opsLinkKey.pagerdutyService("P1")]))).toEqual([]);
  });
});

describe("name forms for suggestions", () => {
  it("ignore case, punctuation and a trailing noise word", () => {
    expect(nameForms("Checkout Service")).toEqual(["checkoutservice", "checkout"]);
    expect(nameForms("payments-api")).toEqual(["paymentsapi", "payments"]);
    expect(nameForms("Ledger")).toEqual(["ledger"]);
  });
});
