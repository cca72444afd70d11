import type { TenantDb } from "@greenroom/db";

import { linkKeysByEntity } from "./link-keys";
import { OPEN_INCIDENT_STATES, PROBLEM_MONITOR_STATES, SLO_RISK_STATES } from "./records";

export type OpsBadges = { openIncidents: number; alerting: number; warning: number; noData: number; slosAtRisk: number; slosBreached: number };

const EMPTY: OpsBadges = { openIncidents: 0, alerting: 0, warning: 0, noData: 0, slosAtRisk: 0, slosBreached: 0 };

/**
 * Badge counts ("3 alerting", "SLO at risk") for a page of entities: two queries for the whole
 * page, only records in a problem state are read.
 */
export async function badgesForEntities(db: TenantDb, refs: string[]): Promise<Record<string, OpsBadges>> {
  const entities = await db.opsEntities.byRefs([...new Set(refs)].slice(0, 500));
  const keysByRef = await linkKeysByEntity(db, entities);
  const allKeys = [...new Set([...keysByRef.values()].flat())];
  const rows = await db.opsRecords.byLinks(allKeys, {
    types: ["pagerduty.incident", "datadog.incident", "datadog.monitor", "datadog.slo"],
    states: [...OPEN_INCIDENT_STATES, ...PROBLEM_MONITOR_STATES, ...SLO_RISK_STATES],
  });
  const result: Record<string, OpsBadges> = {};
  for (const [ref, keys] of keysByRef) {
    const mine = new Set(keys);
    const badges = { ...EMPTY };
    for (const row of rows) {
      if (!row.links.some((link) => mine.has(link))) continue;
      if (row.type.endsWith(".incident")) badges.openIncidents += 1;
      else if (row.state === "Alert") badges.alerting += 1;
      else if (row.state === "Warn") badges.warning += 1;
      else if (row.state === "No Data") badges.noData += 1;
      else if (row.state === "at_risk") badges.slosAtRisk += 1;
      else if (row.state === "breached") badges.slosBreached += 1;
    }
    if (Object.values(badges).some((count) => count > 0)) result[ref] = badges;
  }
  return result;
}

/** One set of counts for everything a team owns (the team page header). */
export function sumBadges(all: OpsBadges[]): OpsBadges {
  return all.reduce((sum, badges) => Object.fromEntries(Object.entries(sum).map(([key, value]) => [key, value + badges[key as keyof OpsBadges]])) as OpsBadges, { ...EMPTY });
}
