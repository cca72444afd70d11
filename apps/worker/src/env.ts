import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const workerEnv = () =>
  createEnv({
    server: {
      WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
      WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
      SMTP_URL: z.url().optional(),
      SMTP_FROM: z.string().default("Greenroom <no-reply@greenroom.local>"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
