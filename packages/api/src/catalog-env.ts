import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

const MIB = 1024 * 1024;

function parse() {
  return createEnv({
    server: {
      // Registered location URLs may reach loopback/private/link-local addresses. Off in
      // production (server-side request forgery); on for local development and tests, whose
      // servers live on 127.0.0.1.
      CATALOG_ALLOW_PRIVATE_URLS: z.stringbool().default(false),
      // Largest push-API body (PUT/PATCH /api/v1/sources/…); read as a stream and refused with
      // 413 past this, without buffering the rest.
      CATALOG_PUSH_MAX_BYTES: z.coerce.number().int().positive().default(25 * MIB),
      // Per-file limits when reading registered location URLs.
      CATALOG_FETCH_MAX_BYTES: z.coerce.number().int().positive().default(10 * MIB),
      CATALOG_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** The catalog REST/push API and location settings (validated once, on first use). */
export function catalogEnv() {
  cached ??= parse();
  return cached;
}
