import { withGlobal, withTenant } from "@greenroom/db";
import { upsertSchedule } from "@greenroom/queue";

import { recordBillingAudit } from "./audit";
import { DUNNING_STATUSES, LIVE_STATUSES } from "./plans";
import { requestSeatSync } from "./seats";

const RECONCILE_EVERY_MS = 15 * 60 * 1000;

/** Registers the periodic reconcile (idempotent; every worker calls it at start). */
export async function scheduleBillingJobs(): Promise<void> {
  await upsertSchedule("billing-reconcile", RECONCILE_EVERY_MS, "billing.reconcile", {});
}

/**
 * The billing.reconcile job. Limits already use the effective plan, so an expired grace period
 * bites at once; this job writes the downgrade down (stored plan, audit entry) and re-syncs
 * seats in case a sync job was lost. It never deletes anything: Free keeps all data.
 */
export async function reconcileBilling(now = new Date()): Promise<{ downgraded: string[]; seatSyncs: number }> {
  const downgraded: string[] = [];
  let seatSyncs = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await withGlobal((db) => db.billingDirectory.listSubscribed(200, afterId));
    if (page.length === 0) break;
    afterId = page.at(-1)!.id;
    for (const org of page) {
      const expired = org.plan === "TEAM" && org.subscriptionStatus && DUNNING_STATUSES.has(org.subscriptionStatus) && org.graceUntil && org.graceUntil <= now;
      if (expired) {
        const changed = await withTenant({ tenantId: org.id }, async (db) => {
          const state = await db.billing.lock(); // re-check under the lock: a payment may just have landed
          if (state.plan !== "TEAM" || !state.subscriptionStatus || !DUNNING_STATUSES.has(state.subscriptionStatus) || !state.graceUntil || state.graceUntil > now) return false;
          await db.billing.update({ plan: "FREE" });
          await recordBillingAudit(db, null, "billing.plan_changed", { from: "TEAM", to: "FREE", reason: "payment grace period ended", graceUntil: state.graceUntil.toISOString() });
          return true;
        });
        if (changed) downgraded.push(org.id);
      }
      if (org.subscriptionStatus && LIVE_STATUSES.has(org.subscriptionStatus)) {
        await requestSeatSync(org.id);
        seatSyncs++;
      }
    }
  }
  return { downgraded, seatSyncs };
}
