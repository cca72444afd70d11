import { randomUUID } from "node:crypto";

import { parseCatalogYaml } from "@greenroom/catalog";
import { applyMutation, ensureSource } from "@greenroom/catalog/engine";
import { applyOpsRecords, createIntegration, opsLinkKey, type OpsRecord } from "@greenroom/connectors/framework";
import { withTenant, type IntegrationKind, type TenantDb } from "@greenroom/db";

// Builders for tests of the operations views: a tenant, catalog entities, an integration and
// the records its sync would have stored (written through the same apply step the sync uses).

export const inTenant = <T>(tenantId: string, work: (db: TenantDb) => Promise<T>) => withTenant({ tenantId }, work);

export async function newTenant(label = "ops"): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `${label}-${tenantId.slice(0, 8)}`, name: "Operations test", trialEndsAt: new Date() }));
  return tenantId;
}

export async function importYaml(tenantId: string, yaml: string): Promise<void> {
  const { entities, errors } = parseCatalogYaml(yaml);
  if (errors.length) throw new Error(errors.map((error) => error.message).join("; "));
  await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "UPLOAD", key: "ops-test" }), { type: "delta", upserts: entities }));
}

export const component = (name: string, owner: string, annotations: Record<string, string> = {}) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec: { type: service, lifecycle: production, owner: ${owner} }
`;

export async function newIntegration(tenantId: string, kind: IntegrationKind, name = kind.toLowerCase()): Promise<string> {
  const secrets = kind === "DATADOG" ? { apiKey: "a", appKey: "b" } : { token: "t" };
  return inTenant(tenantId, async (db) => (await createIntegration(db, { kind, name, config: {}, secrets, intervalMinutes: 15, createdById: null })).id);
}

export const storeRecords = (tenantId: string, integrationId: string, records: OpsRecord[]) => inTenant(tenantId, (db) => applyOpsRecords(db, integrationId, records));

const hour = 3_600_000;

export function pagerdutyWorld(now: number, services: { id: string; name: string; policy: string }[]): OpsRecord[] {
  const records: OpsRecord[] = [];
  for (const service of services) {
    records.push({
      type: "pagerduty.service",
      externalId: service.id,
      title: service.name,
      links: [opsLinkKey.pagerdutyService(service.id)],
      state: "active",
      url: `https://acme.pagerduty.com/service-directory/${service.id}`,
      occurredAt: null,
      data: { name: service.name, status: "active", description: null, escalationPolicyId: service.policy, escalationPolicyName: `${service.name} policy`, teamIds: [], htmlUrl: null },
    });
  }
  for (const policy of new Set(services.map((service) => service.policy))) {
    records.push({
      type: "pagerduty.escalation_policy",
      externalId: policy,
      title: `${policy} policy`,
      links: [opsLinkKey.pagerdutyPolicy(policy)],
      state: null,
      url: null,
      occurredAt: null,
      data: { name: `${policy} policy`, htmlUrl: null, levels: [] },
    });
    for (const [level, user, start, end] of [
      [1, "Ada", now - hour, now + hour],
      [2, "Grace", now - hour, now + 5 * hour],
      [1, "Linus", now + hour, now + 3 * hour],
    ] as const) {
      records.push({
        type: "pagerduty.oncall",
        externalId: `${policy}:${level}:${user}:${start}`,
        title: user,
        links: [opsLinkKey.pagerdutyPolicy(policy)],
        state: null,
        url: null,
        occurredAt: null,
        data: { escalationPolicyId: policy, level, userId: user, userName: user, userEmail: `${user.toLowerCase()}@example.test`, scheduleId: null, scheduleName: null, start: new Date(start).toISOString(), end: new Date(end).toISOString() },
      });
    }
  }
  return records;
}

export function incident(id: string, serviceId: string, status: "triggered" | "acknowledged" | "resolved", urgency: "high" | "low" = "high"): OpsRecord {
  const createdAt = new Date(Date.now() - 30 * 60_000).toISOString();
  return {
    type: "pagerduty.incident",
    externalId: id,
    title: `Incident ${id}`,
    links: [opsLinkKey.pagerdutyService(serviceId)],
    state: status,
    url: null,
    occurredAt: createdAt,
    data: { number: Number(id.replace(/\D/g, "") || 1), title: `Incident ${id}`, status, urgency, serviceId, serviceName: null, createdAt, resolvedAt: status === "resolved" ? createdAt : null, assignees: [], htmlUrl: null },
  };
}

export function monitor(id: string, service: string, state: "OK" | "Warn" | "Alert" | "No Data"): OpsRecord {
  const tags = [`service:${service}`, "env:prod"];
  return {
    type: "datadog.monitor",
    externalId: id,
    title: `${service} ${id}`,
    links: [opsLinkKey.datadogService(service)],
    state,
    url: null,
    occurredAt: new Date().toISOString(),
    data: { name: `${service} ${id}`, type: "metric alert", query: "avg(last_5m):x > 1", overallState: state, priority: null, tags, url: null },
  };
}

export function slo(id: string, service: string, remaining: number): OpsRecord {
  return {
    type: "datadog.slo",
    externalId: id,
    title: `${service} availability`,
    links: [opsLinkKey.datadogService(service)],
    state: remaining < 0 ? "breached" : remaining < 25 ? "at_risk" : "ok",
    url: null,
    occurredAt: null,
    data: { name: `${service} availability`, type: "metric", target: 99.9, timeframe: "30d", sliValue: 99.95, errorBudgetRemaining: remaining, tags: [`service:${service}`], url: null },
  };
}
