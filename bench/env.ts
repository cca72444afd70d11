import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const benchEnv = () =>
  createEnv({
    server: {
      BENCH_DATABASE_ADMIN_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/postgres"),
      BENCH_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
      BENCH_KEEP_DATABASE: z.stringbool().default(false),
      BENCH_ONLY: z.string().optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
