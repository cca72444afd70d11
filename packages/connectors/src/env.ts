import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: ReturnType<typeof parse> | undefined;

const base64Key = z
  .string()
  .trim()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

function parse() {
  return createEnv({
    server: {
      // AES-256-GCM key sealing every integration secret. Rotate by moving the old key to
      // INTEGRATIONS_PREVIOUS_KEYS, setting a new one, and running `pnpm --filter @greenroom/connectors rotate-keys`.
      INTEGRATIONS_ENCRYPTION_KEY: base64Key,
      // Comma-separated older keys, still accepted for decryption until rotation re-seals everything.
      INTEGRATIONS_PREVIOUS_KEYS: z
        .string()
        .default("")
        .transform((value) => value.split(",").map((key) => key.trim()).filter(Boolean))
        .pipe(z.array(base64Key)),
      // Integration base URLs may point at loopback/private/link-local addresses only when the
      // operator says so (tests, the demo's local simulators, a GHES inside the VPC).
      INTEGRATIONS_ALLOW_PRIVATE_NETWORKS: z
        .enum(["true", "false"])
        .default("false")
        .transform((value) => value === "true"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** Validated lazily: importing the package (e.g. during `next build`) needs no key. */
export function connectorsEnv() {
  cached ??= parse();
  return cached;
}
