import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

function parse() {
  return createEnv({
    server: {
      APP_URL: z.url().default("http://localhost:3000"),
      // When set (smtp://user:pass@host:port), invitations are emailed by the worker; otherwise
      // the admin is shown the link to pass on.
      SMTP_URL: z.url().optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

export function apiEnv() {
  cached ??= parse();
  return cached;
}
