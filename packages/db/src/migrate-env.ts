import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const migrateEnv = () =>
  createEnv({
    server: {
      DATABASE_OWNER_URL: z.url().optional(),
      DATABASE_ADMIN_URL: z.url().optional(),
      DATABASE_OWNER_PASSWORD: z.string().min(1).default("greenroom"),
      DATABASE_APP_PASSWORD: z.string().min(1).default("greenroom"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
