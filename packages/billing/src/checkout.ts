import type { TenantDb } from "@greenroom/db";

import { recordBillingAudit, type BillingRequestMeta } from "./audit";
import { BillingError } from "./errors";
import { LIVE_STATUSES } from "./plans";
import { assertBillingConfigured, stripe } from "./stripe-client";

export type BillingUser = { userId: string; email: string };

// Stripe requires a Checkout trial to end at least 48 hours from now; keep a margin.
const MIN_TRIAL_CARRY_MS = 50 * 3600 * 1000;

/** The org's Stripe customer, created on first use (idempotent per org if a retry races). */
async function ensureCustomer(db: TenantDb, user: BillingUser): Promise<string> {
  const state = await db.billing.get();
  if (state.stripeCustomerId) return state.stripeCustomerId;
  const customer = await stripe().customers.create(
    { name: state.name, email: user.email, metadata: { tenant_id: db.tenantId, org_slug: state.slug } },
    // Same key for every attempt of this org: a rolled-back first attempt yields the same customer.
    { idempotencyKey: `greenroom-customer-${db.tenantId}` },
  );
  await db.billing.update({ stripeCustomerId: customer.id });
  return customer.id;
}

/**
 * Starts Stripe Checkout for Team: one seat per current member (kept in step afterwards by the
 * billing.sync-seats job). What is left of the 14-day trial is carried into the subscription,
 * so upgrading early does not cost trial days.
 */
export async function startCheckout(db: TenantDb, user: BillingUser, meta: BillingRequestMeta, urls: { successUrl: string; cancelUrl: string }): Promise<{ url: string }> {
  const { teamPriceId } = assertBillingConfigured();
  const state = await db.billing.lock();
  if (state.plan === "ENTERPRISE") throw new BillingError("CONFLICT", "This organization is on Enterprise. Contact us to change its plan.");
  if (state.subscriptionStatus && LIVE_STATUSES.has(state.subscriptionStatus)) {
    throw new BillingError("CONFLICT", "This organization already has a subscription. Manage it in the billing portal.");
  }
  const customer = await ensureCustomer(db, user);
  const seats = await db.memberships.count();
  const carryTrial = !state.stripeSubscriptionId && state.trialEndsAt && state.trialEndsAt.getTime() - Date.now() > MIN_TRIAL_CARRY_MS;
  const trialEnd = carryTrial ? Math.floor(state.trialEndsAt!.getTime() / 1000) : undefined;
  const session = await stripe().checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: db.tenantId,
    line_items: [{ price: teamPriceId, quantity: seats }],
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    subscription_data: { metadata: { tenant_id: db.tenantId }, ...(trialEnd ? { trial_end: trialEnd } : {}) },
    metadata: { tenant_id: db.tenantId },
  });
  if (!session.url) throw new BillingError("PRECONDITION_FAILED", "Stripe did not return a checkout page. Try again.");
  await recordBillingAudit(db, user, "billing.checkout_started", { plan: "TEAM", seats, checkoutSession: session.id, trialEnd: trialEnd ? new Date(trialEnd * 1000).toISOString() : null }, meta);
  return { url: session.url };
}

/** The Stripe customer portal: card, invoices, cancellation. */
export async function openPortal(db: TenantDb, user: BillingUser, meta: BillingRequestMeta, returnUrl: string): Promise<{ url: string }> {
  assertBillingConfigured();
  const state = await db.billing.get();
  if (!state.stripeCustomerId) {
    throw new BillingError("PRECONDITION_FAILED", "There is no billing account yet: upgrade to Team first.");
  }
  const session = await stripe().billingPortal.sessions.create({ customer: state.stripeCustomerId, return_url: returnUrl });
  await recordBillingAudit(db, user, "billing.portal_opened", {}, meta);
  return { url: session.url };
}
