import { applyOpsRecords, createIntegration, opsLinkKey } from "@greenroom/connectors";
import { withTenant, type TenantDb } from "@greenroom/db";

import { uniqueSuffix, type OrgFixture } from "./fixtures";

/**
 * An org's PagerDuty and Datadog data for the cross-tenant harness: a service mapped to the
 * org's component, an open incident and an alerting monitor on it (their titles must never
 * reach another org), stored as a sync would store them.
 */
export async function seedOperations(org: OrgFixture, label: string, component: { name: string; ref: string; groupName: string }) {
  const suffix = uniqueSuffix();
  const serviceId = `P${suffix.toUpperCase()}`;
  const incidentTitle = `${label} ${suffix} database on fire`;
  const monitorTitle = `${label} ${suffix} error rate`;
  const linkKey = opsLinkKey.pagerdutyService(serviceId);
  const created = await withTenant({ tenantId: org.orgId }, async (db) => {
    const pagerduty = await createIntegration(db, { kind: "PAGERDUTY", name: `${label}-pagerduty-${suffix}`, config: {}, secrets: { token: `pd_${label}_${suffix}_secret` }, intervalMinutes: 15, createdById: org.owner.userId });
    const datadog = await createIntegration(db, { kind: "DATADOG", name: `${label}-datadog-${suffix}`, config: {}, secrets: { apiKey: `dd_${label}_${suffix}_api`, appKey: `dd_${label}_${suffix}_app` }, intervalMinutes: 15, createdById: org.owner.userId });
    const createdAt = new Date().toISOString();
    await applyOpsRecords(db, pagerduty.id, [
      {
        type: "pagerduty.service",
        externalId: serviceId,
        title: `${label}-${suffix} payments`,
        links: [linkKey],
        state: "active",
        url: null,
        occurredAt: null,
        data: { name: `${label}-${suffix} payments`, status: "active", description: null, escalationPolicyId: `E${suffix}`, escalationPolicyName: null, teamIds: [], htmlUrl: null },
      },
      {
        type: "pagerduty.incident",
        externalId: `Q${suffix}`,
        title: incidentTitle,
        links: [linkKey],
        state: "triggered",
        url: null,
        occurredAt: createdAt,
        data: { number: 1, title: incidentTitle, status: "triggered", urgency: "high", serviceId, serviceName: null, createdAt, resolvedAt: null, assignees: [], htmlUrl: null },
      },
    ]);
    await applyOpsRecords(db, datadog.id, [
      {
        type: "datadog.monitor",
        externalId: `M${suffix}`,
        title: monitorTitle,
        links: [opsLinkKey.datadogService(component.name)],
        state: "Alert",
        url: null,
        occurredAt: createdAt,
        data: { name: monitorTitle, type: "metric alert", query: "avg(last_5m):errors > 1", overallState: "Alert", priority: null, tags: [`service:${component.name}`], url: null },
      },
    ]);
    await db.opsMappings.upsert({ integrationId: pagerduty.id, linkKey, entityRef: component.ref, confirmedById: org.owner.userId });
    return { pagerduty, datadog };
  });
  return {
    ids: { integrationId: [created.pagerduty.id, created.datadog.id], externalId: [serviceId], linkKey: [linkKey] },
    secrets: [incidentTitle, monitorTitle, serviceId, created.pagerduty.id, created.datadog.id, `pd_${label}_${suffix}_secret`, `dd_${label}_${suffix}_api`],
  };
}

export async function operationsSnapshot(db: TenantDb) {
  const records = await Promise.all(["pagerduty.service", "pagerduty.incident", "datadog.monitor"].map((type) => db.opsRecords.ofType(type)));
  return { records: records.flat().map((record) => [record.type, record.externalId, record.contentHash]), mappings: (await db.opsMappings.list()).map((mapping) => [mapping.linkKey, mapping.entityRef]) };
}
