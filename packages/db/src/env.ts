import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

function parse() {
  return createEnv({
    server: {
      // The runtime role (greenroom_app): no BYPASSRLS, DML only.
      DATABASE_URL: z.url(),
      DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
      // The read-only pool of catalog pages (withTenantReads), beside Prisma's.
      DATABASE_READ_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** Validated lazily so that importing the package (e.g. during `next build`) needs no database. */
export function dbEnv() {
  cached ??= parse();
  return cached;
}
