import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const benchEnv = () =>
  createEnv({
    server: {
      BENCH_DATABASE_ADMIN_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/postgres"),
      BENCH_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
      BENCH_KEEP_DATABASE: z.stringbool().default(false),
      // A fixed database name: created and migrated if missing, kept afterwards, and reused by the
      // next run. The catalog suite finds its seeded tenants there and skips the ~2 min seeding;
      // use it with BENCH_ONLY=catalog (other suites create fixed slugs once per database).
      BENCH_DATABASE: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
      BENCH_ONLY: z.string().optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
