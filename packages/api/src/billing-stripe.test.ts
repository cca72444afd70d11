import { effectivePlan, reconcileBilling, syncSeats } from "@greenroom/billing";
import { withTenant } from "@greenroom/db";
import { bullPrefix, createRedis, QUEUE_NAMES } from "@greenroom/queue";
import { eventPayload, signPayload } from "@greenroom/simulators/stripe";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addMember, callerFor, createOrgWithOwner, type OrgFixture } from "./testing/fixtures";
import { payCheckout, startStripeHarness, TEST_STRIPE, type StripeHarness } from "./testing/stripe-harness";

// Billing against the Stripe simulator over HTTP, webhooks through the route's own handler,
// real Postgres and Redis.

let harness: StripeHarness;
beforeAll(async () => {
  harness = await startStripeHarness();
});
afterAll(async () => {
  await harness.close();
});

const state = (org: OrgFixture) => withTenant({ tenantId: org.orgId }, (db) => db.billing.get());
const audit = (org: OrgFixture, action: string) =>
  withTenant({ tenantId: org.orgId }, (db) => db.auditEvents.list({ actions: [action], limit: 50 }));
const billingEvents = (org: OrgFixture) => withTenant({ tenantId: org.orgId }, (db) => db.billing.listEvents(100));

/** Owner upgrades: Checkout started through tRPC, paid on the hosted page, webhooks applied. */
async function subscribe(org: OrgFixture): Promise<string> {
  const { url } = await callerFor(org.owner).billing.startCheckout({ orgSlug: org.slug });
  const paid = await payCheckout(url);
  expect(paid.status).toBe(303);
  expect(paid.headers.get("location")).toMatch(new RegExp(`/${org.slug}/settings/billing\\?checkout=success&session_id=cs_test_`));
  return (await state(org)).stripeSubscriptionId!;
}

describe("checkout and webhooks", () => {
  it("upgrades a trial org to Team with one seat per member and keeps the rest of the trial", async () => {
    const org = await createOrgWithOwner("upgrade");
    await addMember(org, "MEMBER");
    const subId = await subscribe(org);
    const stored = await state(org);
    expect(stored).toMatchObject({ plan: "TEAM", subscriptionStatus: "trialing", seats: 2, cancelAtPeriodEnd: false });
    expect(Math.abs(stored.currentPeriodEnd!.getTime() - stored.trialEndsAt!.getTime())).toBeLessThan(1000);
    expect(harness.simulator.state.subscriptions.get(subId)!.items[0]!.quantity).toBe(2);
    expect((await billingEvents(org)).map((event) => event.type).sort()).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(await audit(org, "billing.checkout_started")).toHaveLength(1);
    expect((await audit(org, "billing.plan_changed"))[0]!.metadata).toMatchObject({ from: "FREE", to: "TEAM" });
    const overview = await callerFor(org.owner).billing.overview({ orgSlug: org.slug });
    expect(overview).toMatchObject({ plan: "TEAM", trialDaysLeft: null, subscription: { status: "trialing", seats: 2 } });
    const details = await callerFor(org.owner).billing.stripeDetails({ orgSlug: org.slug });
    expect(details.teamPrice).toEqual({ unitAmount: 1200, currency: "usd", interval: "month" });
    expect(details.nextInvoice).toMatchObject({ amountDue: 2400, currency: "usd" });
    // A second checkout while subscribed is refused.
    await expect(callerFor(org.owner).billing.startCheckout({ orgSlug: org.slug })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects a forged signature and changes nothing", async () => {
    const org = await createOrgWithOwner("forged");
    await subscribe(org);
    const before = { state: await state(org), events: (await billingEvents(org)).length };
    const customer = before.state.stripeCustomerId!;
    const body = JSON.stringify({ id: "evt_forged", object: "event", type: "customer.subscription.deleted", created: 1, data: { object: { id: before.state.stripeSubscriptionId, object: "subscription", customer, status: "canceled" } } });
    const post = (signature: string | null) =>
      fetch(harness.webhookUrl, { method: "POST", headers: signature ? { "stripe-signature": signature } : {}, body });
    expect((await post(signPayload(body, "whsec_not_the_secret"))).status).toBe(400);
    expect((await post(null)).status).toBe(400);
    expect((await post(signPayload(body, TEST_STRIPE.webhookSecret, Math.floor(Date.now() / 1000) - 3600))).status).toBe(400); // replayed old signature
    // The body is verified as sent: re-serialising it (a parsed JSON body) breaks the signature.
    const signed = signPayload(body, TEST_STRIPE.webhookSecret);
    const reformatted = await fetch(harness.webhookUrl, { method: "POST", headers: { "stripe-signature": signed }, body: JSON.stringify(JSON.parse(body), null, 2) });
    expect(reformatted.status).toBe(400);
    expect(await state(org)).toEqual(before.state);
    expect(await billingEvents(org)).toHaveLength(before.events);
  });

  it("applies a replayed event once, and ignores events of customers it does not know", async () => {
    const org = await createOrgWithOwner("replay");
    await subscribe(org);
    const auditBefore = (await audit(org, "billing.payment_succeeded")).length;
    const paid = harness.simulator.state.events.findLast((event) => event.type === "invoice.paid")!;
    const delivery = await harness.simulator.redeliver(paid.id);
    expect(delivery.status).toBe(200);
    expect((await audit(org, "billing.payment_succeeded")).length).toBe(auditBefore);
    // A validly signed event for a customer that is not ours is acknowledged and ignored.
    const foreign = JSON.stringify({ id: "evt_foreign", object: "event", type: "invoice.paid", created: 1, data: { object: { id: "in_x", object: "invoice", customer: "cus_someone_else" } } });
    const response = await fetch(harness.webhookUrl, { method: "POST", headers: { "stripe-signature": signPayload(foreign, TEST_STRIPE.webhookSecret) }, body: foreign });
    expect(await response.json()).toEqual({ received: true, outcome: "ignored: unknown customer" });
  });

  it("applies an event delivered twice at the same moment exactly once", async () => {
    const org = await createOrgWithOwner("concurrent");
    const subId = await subscribe(org);
    harness.simulator.holdWebhooks();
    const { default: Stripe } = await import("stripe");
    const sdk = new Stripe(TEST_STRIPE.secretKey, { host: harness.simulator.host, port: harness.simulator.port, protocol: "http" });
    await sdk.subscriptions.update(subId, { cancel_at_period_end: true });
    const event = harness.simulator.state.events.at(-1)!;
    const payload = eventPayload(event);
    const deliver = () =>
      fetch(harness.webhookUrl, { method: "POST", headers: { "stripe-signature": signPayload(payload, TEST_STRIPE.webhookSecret) }, body: payload }).then(
        async (response) => ((await response.json()) as { outcome: string }).outcome,
      );
    expect((await Promise.all([deliver(), deliver(), deliver()])).sort()).toEqual(["applied", "duplicate", "duplicate"]);
    await harness.simulator.flushWebhooks();
    expect((await billingEvents(org)).filter((row) => row.stripeEventId === event.id)).toHaveLength(1);
    expect(await audit(org, "billing.subscription_updated")).toHaveLength(2); // checkout, then the cancellation once
    expect((await state(org)).cancelAtPeriodEnd).toBe(true);
  });

  it("ends in Stripe's current state when deliveries arrive reversed and duplicated", async () => {
    const org = await createOrgWithOwner("order");
    const subId = await subscribe(org);
    const sub = harness.simulator.state.subscriptions.get(subId)!;
    harness.simulator.holdWebhooks();
    // Newest first would be: deleted, updated(cancel), updated(quantity 3), updated(quantity 2)…
    const { default: Stripe } = await import("stripe");
    const sdk = new Stripe(TEST_STRIPE.secretKey, { host: harness.simulator.host, port: harness.simulator.port, protocol: "http" });
    await sdk.subscriptions.update(subId, { items: [{ id: sub.items[0]!.id, quantity: 3 }] });
    await sdk.subscriptions.update(subId, { cancel_at_period_end: true });
    await harness.simulator.advanceClock({ toPeriodEndOf: subId });
    const deliveries = await harness.simulator.flushWebhooks({ order: "reverse", duplicate: true });
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    const stored = await state(org);
    expect(stored).toMatchObject({ plan: "FREE", subscriptionStatus: "canceled", seats: 3, cancelAtPeriodEnd: true });
    expect(effectivePlan(stored)).toBe("FREE");
    // Each event was applied once (ids unique), duplicates answered "duplicate".
    const ids = (await billingEvents(org)).map((event) => event.stripeEventId);
    expect(new Set(ids).size).toBe(ids.length);
    // Data is kept on Free: the members are all still there.
    expect(await withTenant({ tenantId: org.orgId }, (db) => db.memberships.count())).toBe(1);
  });
});

describe("seats follow membership", () => {
  it("queues a seat sync after each membership change and sets the quantity with proration", async () => {
    const org = await createOrgWithOwner("seatsync");
    const subId = await subscribe(org);
    const mate = await addMember(org, "MEMBER", "mate");
    const queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
    const jobs = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.some((job) => job.name === "billing.sync-seats" && job.data.tenantId === org.orgId)).toBe(true);
    await queue.close();

    expect(await syncSeats(org.orgId)).toEqual({ seats: 2, updated: true });
    expect(harness.simulator.state.subscriptions.get(subId)!.items[0]!.quantity).toBe(2);
    expect(await syncSeats(org.orgId)).toEqual({ seats: 2, updated: false }); // idempotent
    await callerFor(org.owner).members.remove({ orgSlug: org.slug, userId: mate.userId });
    expect(await syncSeats(org.orgId)).toEqual({ seats: 1, updated: true });
    expect(harness.simulator.state.subscriptions.get(subId)!.items[0]!.quantity).toBe(1);
    const changes = (await audit(org, "billing.seats_changed")).map((event) => event.metadata);
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ from: 1, to: 2 }), expect.objectContaining({ from: 2, to: 1 })]));
  });
});

describe("payment failure", () => {
  it("keeps Team through a grace period with a banner, then downgrades to Free keeping the data, and recovers on payment", async () => {
    const org = await createOrgWithOwner("dunning");
    await addMember(org, "MEMBER");
    const subId = await subscribe(org);
    await harness.simulator.advanceClock({ toPeriodEndOf: subId }); // trial over, first charge paid
    expect((await state(org)).subscriptionStatus).toBe("active");

    await harness.simulator.failPayment(subId);
    const failing = await state(org);
    expect(failing).toMatchObject({ subscriptionStatus: "past_due", plan: "TEAM" });
    const graceDays = (failing.graceUntil!.getTime() - Date.now()) / (24 * 3600 * 1000);
    expect(graceDays).toBeGreaterThan(6.9);
    expect(graceDays).toBeLessThanOrEqual(7);
    expect((await audit(org, "billing.payment_failed"))[0]!.metadata).toMatchObject({ amountDue: 2400, currency: "usd" });
    const banner = await callerFor(org.owner).organization.get({ orgSlug: org.slug });
    expect(banner.usage.paymentGraceUntil).toEqual(failing.graceUntil);

    // Grace over: the limits switch to Free at once (lazily), and the reconcile job records it.
    const later = new Date(failing.graceUntil!.getTime() + 60_000);
    expect(effectivePlan(failing, later)).toBe("FREE");
    const { downgraded } = await reconcileBilling(later);
    expect(downgraded).toContain(org.orgId);
    expect((await state(org)).plan).toBe("FREE");
    expect((await audit(org, "billing.plan_changed"))[0]!.metadata).toMatchObject({ from: "TEAM", to: "FREE", reason: "payment grace period ended" });
    expect(await withTenant({ tenantId: org.orgId }, (db) => db.memberships.count())).toBe(2);
    expect((await reconcileBilling(later)).downgraded).not.toContain(org.orgId); // once

    await harness.simulator.recoverPayment(subId);
    expect(await state(org)).toMatchObject({ subscriptionStatus: "active", plan: "TEAM", graceUntil: null });
  });
});
