import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

function parse() {
  return createEnv({
    server: {
      // Sign-ups allowed per IP per hour. Raise it where many people share one address (a
      // classroom, a NAT'd office) or where one machine signs up many test orgs (the e2e suite).
      SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

export function accountsEnv() {
  cached ??= parse();
  return cached;
}
