import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const e2eEnv = () =>
  createEnv({
    server: {
      TEST_DATABASE_ADMIN_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/postgres"),
      TEST_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
      E2E_PORT: z.coerce.number().int().default(3200),
      E2E_MODE: z.enum(["production", "dev"]).default("production"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
