import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startStripeSimulator, type StripeSimulator } from "./server";

// The simulator driven by the official stripe SDK over real HTTP: if the SDK can parse what it
// answers and verify what it signs, the app's code paths are the ones production runs.

const SECRET = "whsec_simulator_test";
const received: { event: Stripe.Event; raw: string }[] = [];
let receiver: Server;
let simulator: StripeSimulator;
let stripe: Stripe;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      try {
        const event = stripe.webhooks.constructEvent(raw, String(req.headers["stripe-signature"]), SECRET);
        received.push({ event, raw });
        res.writeHead(200).end("{}");
      } catch {
        res.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  simulator = await startStripeSimulator({
    secretKey: "sk_test_simulator",
    webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET },
  });
  stripe = new Stripe("sk_test_simulator", { host: simulator.host, port: simulator.port, protocol: "http", maxNetworkRetries: 0 });
});

afterAll(async () => {
  await simulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function subscribe(quantity: number, card = "4242 4242 4242 4242", trialEnd?: number) {
  const customer = await stripe.customers.create({ email: "owner@example.test", metadata: { tenant_id: "t-1" } });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: "t-1",
    line_items: [{ price: "price_team_monthly", quantity }],
    success_url: "http://app.local/billing?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://app.local/billing",
    subscription_data: { metadata: { tenant_id: "t-1" }, ...(trialEnd ? { trial_end: trialEnd } : {}) },
  });
  expect(session.url).toMatch(/\/checkout\/pay\/cs_test_/);
  const page = await fetch(session.url!);
  expect(await page.text()).toContain("Card number");
  const paid = await fetch(session.url!, { method: "POST", body: new URLSearchParams({ card_number: card, email: "owner@example.test" }), redirect: "manual" });
  return { customer, session, paid };
}

describe("Stripe simulator", () => {
  it("runs checkout → subscription → signed webhooks, in the shapes the SDK expects", async () => {
    received.length = 0;
    const { customer, session, paid } = await subscribe(3);
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://app.local/billing?session_id=${session.id}`);
    expect(received.map(({ event }) => event.type)).toEqual([
      "customer.subscription.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
      "checkout.session.completed",
    ]);
    // The signature is Stripe's: t=…,v1=HMAC-SHA256("t.payload").
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({ status: "complete", customer: customer.id, client_reference_id: "t-1" });
    const sub = await stripe.subscriptions.retrieve(completed.subscription as string);
    expect(sub).toMatchObject({ status: "active", customer: customer.id, cancel_at_period_end: false, metadata: { tenant_id: "t-1" } });
    expect(sub.items.data[0]).toMatchObject({ quantity: 3, price: { id: "price_team_monthly", unit_amount: 1200 } });
    expect(sub.items.data[0]!.current_period_end).toBeGreaterThan(sub.items.data[0]!.current_period_start);
    const preview = await stripe.invoices.createPreview({ customer: customer.id, subscription: sub.id });
    expect(preview.amount_due).toBe(3600);
    expect(preview.next_payment_attempt).toBe(sub.items.data[0]!.current_period_end);

    const updated = await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0]!.id, quantity: 5 }], proration_behavior: "create_prorations" });
    expect(updated.items.data[0]!.quantity).toBe(5);
    const list = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(list.data.map((entry) => entry.id)).toEqual([sub.id]);
    await simulator.settled();
    expect(received.at(-1)!.event.type).toBe("customer.subscription.updated");
  });

  it("answers Stripe's error bodies, which the SDK turns into its error classes", async () => {
    await expect(stripe.subscriptions.retrieve("sub_missing")).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
    const wrongKey = new Stripe("sk_test_wrong", { host: simulator.host, port: simulator.port, protocol: "http", maxNetworkRetries: 0 });
    await expect(wrongKey.customers.create({})).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    await expect(stripe.checkout.sessions.create({ mode: "subscription", success_url: "http://x", line_items: [{ price: "price_nope", quantity: 1 }] })).rejects.toMatchObject({ statusCode: 404, param: "line_items[0][price]" });
  });

  it("refuses a declined card on the hosted page", async () => {
    const { paid } = await subscribe(1, "4000 0000 0000 0002");
    expect(paid.status).toBe(402);
    expect(await paid.text()).toContain("Your card was declined.");
  });

  it("cancels at period end from the portal, then ends the subscription when the clock passes it", async () => {
    const { customer, session } = await subscribe(2);
    const subId = (await stripe.checkout.sessions.retrieve(session.id)).subscription as string;
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "http://app.local/billing" });
    expect(await (await fetch(portal.url)).text()).toContain("Cancel plan");
    const cancelled = await fetch(`${portal.url}/cancel`, { method: "POST", body: new URLSearchParams({ subscription: subId }) });
    expect(await cancelled.text()).toContain("Your plan will be canceled on");
    expect((await stripe.subscriptions.retrieve(subId)).cancel_at_period_end).toBe(true);
    received.length = 0;
    await simulator.advanceClock({ toPeriodEndOf: subId });
    expect((await stripe.subscriptions.retrieve(subId)).status).toBe("canceled");
    expect(received.map(({ event }) => event.type)).toContain("customer.subscription.deleted");
  });

  it("renews, fails a payment into past_due, and recovers", async () => {
    const { session } = await subscribe(1);
    const subId = (await stripe.checkout.sessions.retrieve(session.id)).subscription as string;
    received.length = 0;
    await simulator.failPayment(subId);
    expect((await stripe.subscriptions.retrieve(subId)).status).toBe("past_due");
    const failed = received.find(({ event }) => event.type === "invoice.payment_failed")!.event.data.object as Stripe.Invoice;
    expect(failed.parent?.subscription_details?.subscription).toBe(subId);
    await simulator.recoverPayment(subId);
    expect((await stripe.subscriptions.retrieve(subId)).status).toBe("active");
  });

  it("holds deliveries and releases them reversed and duplicated on demand", async () => {
    simulator.holdWebhooks();
    const { session } = await subscribe(1);
    received.length = 0;
    const deliveries = await simulator.flushWebhooks({ order: "reverse", duplicate: true });
    expect(deliveries).toHaveLength(10);
    expect(received[0]!.event.type).toBe("checkout.session.completed");
    expect(received[0]!.event.id).toBe(received[1]!.event.id);
    expect((received[0]!.event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
  });

  it("serves its controls over HTTP for browser tests", async () => {
    const state = (await (await fetch(`${simulator.url}/_sim/state`)).json()) as { now: number; subscriptions: { id: string }[] };
    const response = await fetch(`${simulator.url}/_sim/clock/advance`, { method: "POST", body: JSON.stringify({ seconds: 3600 }) });
    expect(((await response.json()) as { now: number }).now).toBeGreaterThanOrEqual(state.now + 3600);
  });
});
