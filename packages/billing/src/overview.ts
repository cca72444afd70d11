import type { TenantDb } from "@greenroom/db";

import { billingEnv } from "./env";
import { effectivePlan, paymentGraceUntil, PLANS, trialDaysLeft, type PlanId } from "./plans";
import { billingConfigured, isStripeMissing, stripe } from "./stripe-client";

export type PlanUsage = {
  plan: PlanId;
  planName: string;
  trialDaysLeft: number | null;
  trialEndsAt: Date | null;
  paymentGraceUntil: Date | null;
  seatsUsed: number;
  pendingInvitations: number;
  seatLimit: number | null;
};

/** The plan in force and the seats it allows: read from Postgres only, fine for every page. */
export async function planUsage(db: TenantDb, now = new Date()): Promise<PlanUsage> {
  const [state, members, pending] = await Promise.all([db.billing.get(), db.memberships.count(), db.invitations.countPending(now)]);
  const plan = effectivePlan(state, now);
  const days = trialDaysLeft(state, now);
  return {
    plan,
    planName: PLANS[plan].name,
    trialDaysLeft: days,
    trialEndsAt: days === null ? null : state.trialEndsAt,
    paymentGraceUntil: paymentGraceUntil(state, now),
    seatsUsed: members,
    pendingInvitations: pending,
    seatLimit: PLANS[plan].maxMembers,
  };
}

/** The billing page's data, from Postgres (the copy of Stripe's state kept by the webhooks). */
export async function billingOverview(db: TenantDb, now = new Date()) {
  const [usage, state, events] = await Promise.all([planUsage(db, now), db.billing.get(), db.billing.listEvents(10)]);
  return {
    configured: billingConfigured(),
    ...usage,
    subscription: state.stripeSubscriptionId
      ? {
          status: state.subscriptionStatus,
          seats: state.seats,
          currentPeriodEnd: state.currentPeriodEnd,
          cancelAtPeriodEnd: state.cancelAtPeriodEnd,
          syncedAt: state.billingSyncedAt,
        }
      : null,
    hasBillingAccount: Boolean(state.stripeCustomerId),
    graceDays: billingEnv().BILLING_GRACE_DAYS,
    recentEvents: events,
  };
}

/**
 * What only Stripe knows: the next invoice (Stripe's invoice preview, prorations included) and
 * the Team seat price. Fetched by its own query after the page has rendered from Postgres.
 */
export async function stripeDetails(db: TenantDb) {
  if (!billingConfigured()) return { nextInvoice: null, teamPrice: null };
  const state = await db.billing.get();
  const price = await stripe().prices.retrieve(billingEnv().STRIPE_TEAM_PRICE_ID!);
  const teamPrice = { unitAmount: price.unit_amount ?? 0, currency: price.currency, interval: price.recurring?.interval ?? "month" };
  if (!state.stripeCustomerId || !state.stripeSubscriptionId || state.subscriptionStatus === "canceled" || state.cancelAtPeriodEnd) {
    return { nextInvoice: null, teamPrice };
  }
  try {
    const preview = await stripe().invoices.createPreview({ customer: state.stripeCustomerId, subscription: state.stripeSubscriptionId });
    const when = preview.next_payment_attempt ?? preview.period_end;
    return { nextInvoice: { amountDue: preview.amount_due, currency: preview.currency, date: new Date(when * 1000) }, teamPrice };
  } catch (error) {
    if (isStripeMissing(error)) return { nextInvoice: null, teamPrice };
    throw error;
  }
}
