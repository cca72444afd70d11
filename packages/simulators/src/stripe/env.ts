import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The standalone simulator's settings (`pnpm --filter @greenroom/simulators stripe`). */
export const stripeSimulatorEnv = () =>
  createEnv({
    server: {
      STRIPE_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
      STRIPE_SECRET_KEY: z.string().startsWith("sk_test_").optional(),
      STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
      STRIPE_WEBHOOK_URL: z.url().default("http://localhost:3000/api/webhooks/stripe"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
