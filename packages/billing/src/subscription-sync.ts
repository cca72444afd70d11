import type { BillingStateRecord, BillingStateUpdate, TenantDb } from "@greenroom/db";

import { recordBillingAudit, type BillingActor } from "./audit";
import { billingEnv } from "./env";
import { DUNNING_STATUSES, PAID_STATUSES } from "./plans";
import { stripe, type Stripe } from "./stripe-client";

// Stripe is the source of truth for subscriptions; the org row holds a copy. Every webhook,
// return from Checkout or the portal, and seat change re-reads the customer's subscriptions
// from Stripe and stores what it says now, so deliveries that arrive late, twice or out of
// order all end in the same, current state.

/** Stripe fields that hold either an id or the expanded object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

const RANK: Record<string, number> = { active: 0, trialing: 0, past_due: 1, unpaid: 1, incomplete: 2, paused: 2 };

/** The subscription that decides the plan: the best-standing one, newest first. */
export function pickSubscription(subscriptions: Stripe.Subscription[]): Stripe.Subscription | null {
  return [...subscriptions].sort((a, b) => (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3) || b.created - a.created)[0] ?? null;
}

/** What to store for `subscription`, given what is stored (grace starts at the first failure seen). */
export function nextBillingState(subscription: Stripe.Subscription, current: BillingStateRecord, now: Date): BillingStateUpdate {
  const item = subscription.items.data[0];
  const dunning = DUNNING_STATUSES.has(subscription.status);
  const graceUntil = dunning ? (current.graceUntil ?? new Date(now.getTime() + billingEnv().BILLING_GRACE_DAYS * 24 * 3600 * 1000)) : null;
  const paid = PAID_STATUSES.has(subscription.status) || (dunning && graceUntil !== null && graceUntil > now);
  return {
    stripeSubscriptionId: subscription.id,
    subscriptionStatus: subscription.status,
    seats: item?.quantity ?? null,
    currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    graceUntil,
    plan: current.plan === "ENTERPRISE" ? "ENTERPRISE" : paid ? "TEAM" : "FREE",
    billingSyncedAt: now,
  };
}

export type SyncSource = { reason: string; actor?: BillingActor; eventId?: string };

function changes(before: BillingStateRecord, after: BillingStateRecord) {
  const diff: Record<string, { from: string | number | boolean | null; to: string | number | boolean | null }> = {};
  if (before.subscriptionStatus !== after.subscriptionStatus) diff.status = { from: before.subscriptionStatus, to: after.subscriptionStatus };
  if (before.cancelAtPeriodEnd !== after.cancelAtPeriodEnd) diff.cancelAtPeriodEnd = { from: before.cancelAtPeriodEnd, to: after.cancelAtPeriodEnd };
  if (before.currentPeriodEnd?.getTime() !== after.currentPeriodEnd?.getTime()) {
    diff.currentPeriodEnd = { from: before.currentPeriodEnd?.toISOString() ?? null, to: after.currentPeriodEnd?.toISOString() ?? null };
  }
  return diff;
}

/** Stores `subscription`'s state on the org and audits what changed. The org row must be locked. */
export async function applySubscription(db: TenantDb, current: BillingStateRecord, subscription: Stripe.Subscription, source: SyncSource): Promise<BillingStateRecord> {
  if (idOf(subscription.customer) !== current.stripeCustomerId) {
    return current; // never adopt another customer's subscription
  }
  const updated = await db.billing.update(nextBillingState(subscription, current, new Date()));
  const actor = source.actor ?? null;
  const context = { reason: source.reason, ...(source.eventId ? { stripeEventId: source.eventId } : {}), subscription: subscription.id };
  if (current.plan !== updated.plan) {
    await recordBillingAudit(db, actor, "billing.plan_changed", { ...context, from: current.plan, to: updated.plan });
  }
  if (current.seats !== updated.seats && updated.seats !== null) {
    await recordBillingAudit(db, actor, "billing.seats_changed", { ...context, from: current.seats, to: updated.seats });
  }
  const diff = changes(current, updated);
  if (Object.keys(diff).length) await recordBillingAudit(db, actor, "billing.subscription_updated", { ...context, changes: diff });
  return updated;
}

/**
 * Re-reads the org's subscriptions from Stripe and stores the one that counts. Takes the org's
 * row lock first (unless the caller holds it), so concurrent syncs apply one after the other
 * and the last one to commit read Stripe last.
 */
export async function syncFromStripe(db: TenantDb, source: SyncSource, locked?: BillingStateRecord): Promise<BillingStateRecord> {
  const current = locked ?? (await db.billing.lock());
  if (!current.stripeCustomerId) return current;
  const { data } = await stripe().subscriptions.list({ customer: current.stripeCustomerId, status: "all", limit: 20 });
  const subscription = pickSubscription(data);
  if (!subscription) return current;
  return applySubscription(db, current, subscription, source);
}
