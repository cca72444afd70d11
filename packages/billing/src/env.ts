import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

function parse() {
  return createEnv({
    server: {
      // All optional: without them billing is "not configured" (the page says so, checkout is
      // refused) while plan limits, which need no Stripe, still apply.
      STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
      STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
      STRIPE_TEAM_PRICE_ID: z.string().startsWith("price_").optional(),
      // Point the SDK at the simulator (packages/simulators); unset means api.stripe.com.
      STRIPE_API_HOST: z.string().min(1).optional(),
      STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
      STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
      BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** Validated lazily, so importing the package (e.g. during `next build`) needs no secrets. */
export function billingEnv() {
  cached ??= parse();
  return cached;
}
