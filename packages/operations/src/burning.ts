import type { LinkedEntity, TenantDb } from "@greenroom/db";

import { incidentViews, type EntityIncident } from "./entity-operations";
import { operationsFreshness, type Freshness } from "./freshness";
import { entitiesByLinkKey } from "./link-keys";
import { ofType, OPEN_INCIDENT_STATES, type OpsView } from "./records";

export type BurningEntity = { ref: string; name: string; title: string | null };

export type BurningGroup = {
  /** The owning group's ref; null for what no catalog entity claims. */
  ownerRef: string | null;
  incidents: (EntityIncident & { entities: BurningEntity[] })[];
  monitors: (OpsView<"datadog.monitor"> & { entities: BurningEntity[] })[];
};

export type WhatIsBurning = { groups: BurningGroup[]; totals: { incidents: number; highUrgency: number; alerting: number }; freshness: Freshness[] };

/**
 * The org-wide "what is burning" view: open incidents and alerting monitors, grouped by the
 * owner of the catalog entities they link to; what links to nothing is listed on its own.
 */
export async function whatIsBurning(db: TenantDb, now = new Date()): Promise<WhatIsBurning> {
  const incidents = [
    ...(await db.opsRecords.inStates("pagerduty.incident", ["triggered", "acknowledged"], 500)),
    ...(await db.opsRecords.inStates("datadog.incident", [...OPEN_INCIDENT_STATES], 500)),
  ];
  const alerting = await db.opsRecords.inStates("datadog.monitor", ["Alert"], 1_000);
  const linked = await entitiesByLinkKey(db, [...incidents, ...alerting].flatMap((row) => row.links));
  const entitiesOf = (links: string[]): LinkedEntity[] => {
    const seen = new Map<string, LinkedEntity>();
    for (const link of links) for (const entity of linked.get(link) ?? []) seen.set(entity.ref, entity);
    return [...seen.values()];
  };
  const groups = new Map<string | null, BurningGroup>();
  const groupFor = (ownerRef: string | null) => {
    const existing = groups.get(ownerRef);
    if (existing) return existing;
    const created: BurningGroup = { ownerRef, incidents: [], monitors: [] };
    groups.set(ownerRef, created);
    return created;
  };
  const owners = (entities: LinkedEntity[]) => (entities.length ? [...new Set(entities.map((entity) => entity.ownerRef))] : [null]);
  const brief = (entity: LinkedEntity): BurningEntity => ({ ref: entity.ref, name: entity.name, title: entity.title });

  const views = incidentViews(incidents);
  for (const incident of views) {
    const row = incidents.find((entry) => entry.externalId === incident.id && entry.type.startsWith(incident.vendor))!;
    const entities = entitiesOf(row.links);
    for (const owner of owners(entities)) groupFor(owner).incidents.push({ ...incident, entities: entities.filter((entity) => entity.ownerRef === owner).map(brief) });
  }
  for (const monitor of ofType(alerting, "datadog.monitor")) {
    const entities = entitiesOf(alerting.find((row) => row.externalId === monitor.externalId && row.type === "datadog.monitor")!.links);
    for (const owner of owners(entities)) groupFor(owner).monitors.push({ ...monitor, entities: entities.filter((entity) => entity.ownerRef === owner).map(brief) });
  }
  // Worst first: high-urgency incidents, then all incidents, then alerting monitors; unowned last.
  const score = (group: BurningGroup) => group.incidents.filter((incident) => incident.urgency === "high").length * 1_000_000 + group.incidents.length * 1_000 + group.monitors.length;
  const sorted = [...groups.values()].sort((a, b) => Number(a.ownerRef === null) - Number(b.ownerRef === null) || score(b) - score(a) || String(a.ownerRef).localeCompare(String(b.ownerRef)));
  return {
    groups: sorted,
    totals: { incidents: views.length, highUrgency: views.filter((incident) => incident.urgency === "high").length, alerting: alerting.length },
    freshness: await operationsFreshness(db, now),
  };
}
