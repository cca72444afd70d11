import type { TenantDb } from "@greenroom/db";

import { badgesForEntities, sumBadges, type OpsBadges } from "./badges";
import { operationsFreshness, type Freshness } from "./freshness";
import { linkKeysByEntity } from "./link-keys";
import { onCallForPolicies, type OnCallShift } from "./on-call";
import { ofType } from "./records";

export type TeamOnCall = {
  /** Level-1 and level-2 responders now, one row per person and policy, with the services they cover. */
  now: (OnCallShift & { services: string[] })[];
  badges: OpsBadges;
  freshness: Freshness[];
};

/** The team page's "on call now" panel: through what the team owns to its PagerDuty services. */
export async function teamOnCall(db: TenantDb, groupRef: string, now = new Date()): Promise<TeamOnCall> {
  const owned = await db.opsEntities.ownedBy(groupRef);
  const keys = await linkKeysByEntity(db, owned);
  const rows = await db.opsRecords.byLinks([...new Set([...keys.values()].flat())], { types: ["pagerduty.service"] });
  const services = ofType(rows, "pagerduty.service");
  const servicesByPolicy = new Map<string, string[]>();
  for (const service of services) {
    if (!service.data.escalationPolicyId) continue;
    servicesByPolicy.set(service.data.escalationPolicyId, [...(servicesByPolicy.get(service.data.escalationPolicyId) ?? []), service.data.name]);
  }
  const policies = await onCallForPolicies(db, [...servicesByPolicy.keys()], now);
  const shifts = policies.flatMap((policy) => policy.now.map((shift) => ({ ...shift, services: servicesByPolicy.get(policy.policyId) ?? [] })));
  const badges = await badgesForEntities(db, owned.map((entity) => entity.ref));
  return {
    now: shifts.sort((a, b) => a.level - b.level || a.userName.localeCompare(b.userName)),
    badges: sumBadges(Object.values(badges)),
    freshness: await operationsFreshness(db, now),
  };
}
