import Stripe from "stripe";

import { billingEnv } from "./env";
import { BillingError } from "./errors";

const NOT_CONFIGURED = "Billing is not set up on this server yet (STRIPE_SECRET_KEY and STRIPE_TEAM_PRICE_ID are missing).";

export function billingConfigured(): boolean {
  const env = billingEnv();
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_TEAM_PRICE_ID);
}

export function assertBillingConfigured(): { teamPriceId: string } {
  const env = billingEnv();
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_TEAM_PRICE_ID) throw new BillingError("PRECONDITION_FAILED", NOT_CONFIGURED);
  return { teamPriceId: env.STRIPE_TEAM_PRICE_ID };
}

const globalForStripe = globalThis as unknown as { greenroomStripe?: Stripe };

/** One SDK client per process; host/port/protocol point it at the simulator when set. */
export function stripe(): Stripe {
  const env = billingEnv();
  if (!env.STRIPE_SECRET_KEY) throw new BillingError("PRECONDITION_FAILED", NOT_CONFIGURED);
  globalForStripe.greenroomStripe ??= new Stripe(env.STRIPE_SECRET_KEY, {
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
    ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
    // Reads and our updates are safe to retry (the SDK adds idempotency keys to retried POSTs).
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    appInfo: { name: "Greenroom" },
  });
  return globalForStripe.greenroomStripe;
}

/** Stripe's "no such object" answers, which callers treat as "not there" rather than failure. */
export function isStripeMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
}

export type { Stripe };
