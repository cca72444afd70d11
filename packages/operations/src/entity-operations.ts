import type { TenantDb } from "@greenroom/db";

import { operationsFreshness, type Freshness } from "./freshness";
import { integrationKeyOf, linkKeysByEntity } from "./link-keys";
import { onCallForPolicies, type PolicyOnCall } from "./on-call";
import { MONITOR_STATE_ORDER, ofType, OPEN_INCIDENT_STATES, type OpsView } from "./records";

export type EntityIncident = {
  vendor: "pagerduty" | "datadog";
  id: string;
  title: string;
  status: string;
  open: boolean;
  urgency: string | null;
  createdAt: string;
  resolvedAt: string | null;
  url: string | null;
  serviceName: string | null;
};

export type EntityOperations = {
  ref: string;
  linked: boolean;
  linkKeys: string[];
  pagerduty: { services: OpsView<"pagerduty.service">[]; onCall: PolicyOnCall[] };
  incidents: EntityIncident[];
  datadog: {
    services: OpsView<"datadog.service">[];
    monitors: OpsView<"datadog.monitor">[];
    monitorCounts: Record<string, number>;
    slos: OpsView<"datadog.slo">[];
  };
  /** Can "trigger incident" reach PagerDuty for this entity (integration key or a linked service)? */
  canTrigger: boolean;
  freshness: Freshness[];
};

const openStates = new Set<string>(OPEN_INCIDENT_STATES);

export function incidentViews(rows: Parameters<typeof ofType>[0]): EntityIncident[] {
  const pagerduty = ofType(rows, "pagerduty.incident").map(
    (incident): EntityIncident => ({
      vendor: "pagerduty",
      id: incident.externalId,
      title: incident.data.title,
      status: incident.data.status,
      open: incident.data.status !== "resolved",
      urgency: incident.data.urgency,
      createdAt: incident.data.createdAt,
      resolvedAt: incident.data.resolvedAt,
      url: incident.url ?? incident.data.htmlUrl,
      serviceName: incident.data.serviceName,
    }),
  );
  const datadog = ofType(rows, "datadog.incident").map(
    (incident): EntityIncident => ({
      vendor: "datadog",
      id: incident.externalId,
      title: incident.data.title,
      status: incident.data.state,
      open: openStates.has(incident.data.state.toLowerCase()),
      urgency: incident.data.severity,
      createdAt: incident.data.createdAt,
      resolvedAt: incident.data.resolvedAt,
      url: incident.url ?? incident.data.url,
      serviceName: incident.data.services[0] ?? null,
    }),
  );
  // Open first, then newest.
  return [...pagerduty, ...datadog].sort((a, b) => Number(b.open) - Number(a.open) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** Everything the Operations tab shows for one entity, from Postgres only. Null: no such entity. */
export async function operationsForEntity(db: TenantDb, ref: string, now = new Date()): Promise<EntityOperations | null> {
  const [entity] = await db.opsEntities.byRefs([ref]);
  if (!entity) return null;
  const linkKeys = (await linkKeysByEntity(db, [entity])).get(ref) ?? [];
  const rows = await db.opsRecords.byLinks(linkKeys);
  const services = ofType(rows, "pagerduty.service");
  const policyIds = [...new Set(services.flatMap((service) => (service.data.escalationPolicyId ? [service.data.escalationPolicyId] : [])))];
  const monitors = ofType(rows, "datadog.monitor").sort(
    (a, b) => MONITOR_STATE_ORDER.indexOf(a.data.overallState) - MONITOR_STATE_ORDER.indexOf(b.data.overallState) || a.title.localeCompare(b.title),
  );
  const monitorCounts: Record<string, number> = {};
  for (const monitor of monitors) monitorCounts[monitor.data.overallState] = (monitorCounts[monitor.data.overallState] ?? 0) + 1;
  const incidents = incidentViews(rows);
  return {
    ref,
    linked: rows.length > 0,
    linkKeys,
    pagerduty: { services, onCall: await onCallForPolicies(db, policyIds, now) },
    incidents: [...incidents.filter((incident) => incident.open), ...incidents.filter((incident) => !incident.open).slice(0, 10)],
    datadog: {
      services: ofType(rows, "datadog.service"),
      monitors: monitors.slice(0, 200),
      monitorCounts,
      slos: ofType(rows, "datadog.slo").sort((a, b) => (a.data.errorBudgetRemaining ?? 101) - (b.data.errorBudgetRemaining ?? 101)),
    },
    canTrigger: integrationKeyOf(entity) !== null || services.length > 0,
    freshness: await operationsFreshness(db, now),
  };
}
