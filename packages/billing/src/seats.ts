import { withTenant, type TenantDb } from "@greenroom/db";
import { enqueue } from "@greenroom/queue";

import { LIVE_STATUSES } from "./plans";
import { billingConfigured, stripe } from "./stripe-client";
import { applySubscription } from "./subscription-sync";

// Seats: the Team subscription's quantity is the org's member count. Membership changes ask
// for a sync after they commit; the worker does it (billing.sync-seats), and the periodic
// reconcile catches anything a lost job missed.

/** Enqueues a seat sync for `tenantId`; repeated requests collapse into one pending job. */
export async function requestSeatSync(tenantId: string): Promise<void> {
  if (!billingConfigured()) return;
  // keepLastIfActive: a change made while a sync is running gets one more run after it, so
  // the count read last is always the latest.
  await enqueue("billing.sync-seats", { tenantId }, { deduplication: { id: `billing-seats-${tenantId}`, keepLastIfActive: true } });
}

/**
 * Called by a membership change inside its transaction: once it commits (so the worker counts
 * the new membership), a seat sync is queued if the org pays per seat.
 */
export async function seatSyncAfterCommit(db: TenantDb): Promise<void> {
  const state = await db.billing.get();
  if (!state.stripeSubscriptionId || !state.subscriptionStatus || !LIVE_STATUSES.has(state.subscriptionStatus)) return;
  db.afterCommit(() => requestSeatSync(db.tenantId));
}

export type SeatSyncResult = { seats: number | null; updated: boolean };

/** The billing.sync-seats job: set the subscription item's quantity to the member count. */
export async function syncSeats(tenantId: string): Promise<SeatSyncResult> {
  if (!billingConfigured()) return { seats: null, updated: false };
  return withTenant({ tenantId }, async (db) => {
    const state = await db.billing.lock();
    if (!state.stripeSubscriptionId || !state.subscriptionStatus || !LIVE_STATUSES.has(state.subscriptionStatus)) {
      return { seats: state.seats, updated: false };
    }
    const members = await db.memberships.count();
    let subscription = await stripe().subscriptions.retrieve(state.stripeSubscriptionId);
    const item = subscription.items.data[0];
    let updated = false;
    if (item && subscription.status !== "canceled" && item.quantity !== members) {
      // Prorated: a seat added mid-period is charged for the rest of the period on the next
      // invoice, a seat removed is credited. Read-compare-write under the org lock, so a retry
      // after a success finds nothing to do.
      subscription = await stripe().subscriptions.update(subscription.id, {
        items: [{ id: item.id, quantity: members }],
        proration_behavior: "create_prorations",
      });
      updated = true;
    }
    const after = await applySubscription(db, state, subscription, { reason: "membership changed" });
    return { seats: after.seats, updated };
  });
}
