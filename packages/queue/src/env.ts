import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

function parse() {
  return createEnv({
    server: {
      REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
      // Every key this process writes (BullMQ and rate limits) lives under this prefix, so test
      // runs and environments sharing one Redis never collide.
      REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_.-]+$/).default("greenroom"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

export function queueEnv() {
  cached ??= parse();
  return cached;
}
