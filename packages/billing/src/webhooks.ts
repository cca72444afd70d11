import { withGlobal, withTenant } from "@greenroom/db";

import { recordBillingAudit } from "./audit";
import { billingEnv } from "./env";
import { stripe, type Stripe } from "./stripe-client";
import { idOf, syncFromStripe } from "./subscription-sync";

// The Stripe webhook, processed in the request rather than queued: Stripe events are few, the
// work is one Stripe read and one row update, and answering 5xx when it fails makes Stripe
// retry: Stripe's delivery retries are the queue. (GitHub webhooks, which are many, go through
// the worker.)

export const HANDLED_EVENTS = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
]);

export type WebhookResult = { status: number; body: Record<string, unknown> };

type WithCustomer = { customer?: string | { id: string } | null };

/**
 * Verifies the signature over the raw body, finds the org by the event's Stripe customer, and
 * applies the event once: its id is inserted in the same transaction as its effects, so a
 * replay finds it and changes nothing. The event is only a hint: the state stored is what
 * Stripe says now (syncFromStripe), not the event's possibly stale snapshot.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = billingEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret || !billingEnv().STRIPE_SECRET_KEY) return { status: 503, body: { error: "Stripe webhooks are not configured on this server" } };
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    return { status: 400, body: { error: "Invalid Stripe signature" } };
  }
  if (!HANDLED_EVENTS.has(event.type)) return { status: 200, body: { received: true, outcome: "ignored: not a billing event" } };

  const customerId = idOf((event.data.object as WithCustomer).customer);
  const org = customerId ? await withGlobal((db) => db.billingDirectory.findByStripeCustomerId(customerId)) : null;
  // Not one of ours (another product on the same Stripe account): acknowledge, do nothing.
  if (!org) return { status: 200, body: { received: true, outcome: "ignored: unknown customer" } };

  const outcome = await withTenant({ tenantId: org.id }, async (db) => {
    const locked = await db.billing.lock();
    const fresh = await db.billing.recordEvent({ stripeEventId: event.id, type: event.type, occurredAt: new Date(event.created * 1000) });
    if (!fresh) return "duplicate";
    const state = await syncFromStripe(db, { reason: event.type, eventId: event.id }, locked);
    if (event.type === "invoice.payment_failed" || event.type === "invoice.paid") {
      const invoice = event.data.object as Stripe.Invoice;
      const facts = { stripeEventId: event.id, invoice: invoice.id ?? null, currency: invoice.currency };
      if (event.type === "invoice.payment_failed") {
        await recordBillingAudit(db, null, "billing.payment_failed", { ...facts, amountDue: invoice.amount_due, attempt: invoice.attempt_count, graceUntil: state.graceUntil?.toISOString() ?? null });
      } else {
        await recordBillingAudit(db, null, "billing.payment_succeeded", { ...facts, amountPaid: invoice.amount_paid });
      }
    }
    return "applied";
  });
  return { status: 200, body: { received: true, outcome } };
}

/** The route handler's body: raw text in, JSON out (apps/web/src/app/api/webhooks/stripe). */
export async function stripeWebhookResponse(rawBody: string, signature: string | null): Promise<Response> {
  try {
    const result = await handleStripeWebhook(rawBody, signature);
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Nothing was committed (the transaction rolled back); 500 makes Stripe deliver it again.
    console.error(`stripe webhook failed: ${(error as Error).message}`);
    return Response.json({ error: "Could not process the event; Stripe will retry" }, { status: 500 });
  }
}
