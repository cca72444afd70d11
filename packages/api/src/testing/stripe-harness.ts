import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { stripeWebhookResponse } from "@greenroom/billing";
import { startStripeSimulator, type StripeSimulator } from "@greenroom/simulators/stripe";

/**
 * Billing tests against the Stripe simulator over real HTTP: the SDK is pointed at it through
 * the same STRIPE_API_* variables production uses, and its webhooks are delivered to a loopback
 * server running the exact handler of apps/web's /api/webhooks/stripe route.
 */
export const TEST_STRIPE = { secretKey: "sk_test_greenroom_billing", webhookSecret: "whsec_greenroom_billing", teamPrice: "price_team_monthly" } as const;

export type StripeHarness = { simulator: StripeSimulator; webhookUrl: string; close: () => Promise<void> };

export async function startStripeHarness(): Promise<StripeHarness> {
  const receiver: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      void stripeWebhookResponse(raw, req.headers["stripe-signature"]?.toString() ?? null).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
  const simulator = await startStripeSimulator({ secretKey: TEST_STRIPE.secretKey, webhook: { url: webhookUrl, secret: TEST_STRIPE.webhookSecret } });
  // Read lazily by packages/billing on first use, so setting them before the first call suffices.
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: TEST_STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: TEST_STRIPE.webhookSecret,
    STRIPE_TEAM_PRICE_ID: TEST_STRIPE.teamPrice,
    STRIPE_API_HOST: simulator.host,
    STRIPE_API_PORT: String(simulator.port),
    STRIPE_API_PROTOCOL: "http",
  });
  return {
    simulator,
    webhookUrl,
    close: async () => {
      await simulator.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
}

/** Completes a hosted Checkout page the way a browser form post does; returns the redirect. */
export async function payCheckout(url: string, card = "4242424242424242"): Promise<Response> {
  return fetch(url, { method: "POST", body: new URLSearchParams({ card_number: card, email: "payer@example.test" }), redirect: "manual" });
}
