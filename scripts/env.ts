import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** Env of the setup script: where the cluster is, and what to call the database. */
export const setupEnv = () =>
  createEnv({
    server: {
      DATABASE_ADMIN_URL: z.url().optional(),
      DATABASE_OWNER_URL: z.url().optional(),
      DATABASE_URL: z.url().optional(),
      DATABASE_OWNER_PASSWORD: z.string().min(1).default("greenroom"),
      DATABASE_APP_PASSWORD: z.string().min(1).default("greenroom"),
      GREENROOM_DATABASE: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("greenroom"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
