import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { commaSeparatedList, flagsToEnv } from "../shared/standalone";

// Settings of the standalone GitHub simulator (`pnpm --filter @greenroom/simulators github`).
// Each can also be given as a flag: `--repos 10000 --latency-ms 50` sets
// GITHUB_SIMULATOR_REPOS and GITHUB_SIMULATOR_LATENCY_MS.

const ratio = z.coerce.number().min(0).max(1);

export const githubSimulatorEnv = (argv: string[] = process.argv.slice(2)) =>
  createEnv({
    server: {
      GITHUB_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12112),
      GITHUB_SIMULATOR_ORG: z.string().regex(/^[a-z0-9-]+$/i).default("acme"),
      GITHUB_SIMULATOR_REPOS: z.coerce.number().int().min(1).max(100_000).default(200),
      GITHUB_SIMULATOR_TEAMS: z.coerce.number().int().min(1).optional(),
      GITHUB_SIMULATOR_PEOPLE: z.coerce.number().int().min(1).optional(),
      GITHUB_SIMULATOR_SEED: z.string().default("1"),
      GITHUB_SIMULATOR_CATALOG_RATIO: ratio.default(0.3),
      GITHUB_SIMULATOR_INVALID_CATALOG_RATIO: ratio.default(0),
      GITHUB_SIMULATOR_LATENCY_MS: z.coerce.number().min(0).default(0),
      GITHUB_SIMULATOR_RATE_LIMIT: z.coerce.number().int().min(1).default(5000),
      GITHUB_SIMULATOR_SECONDARY_LIMITS: z.enum(["true", "false"]).default("true"),
      /** Comma-separated tokens to accept; default: the simulator's built-in token. */
      GITHUB_SIMULATOR_TOKENS: commaSeparatedList(),
      GITHUB_SIMULATOR_APP_ID: z.coerce.number().int().positive().optional(),
      /** PEM of the app's private key; a key is generated (and shown at /_control/app) if unset. */
      GITHUB_SIMULATOR_APP_PRIVATE_KEY: z.string().optional(),
      GITHUB_WEBHOOK_URL: z.url().default("http://localhost:3000/api/webhooks/github"),
      /** Webhooks are delivered only when a secret is set. */
      GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
    },
    runtimeEnv: { ...process.env, ...flagsToEnv(argv, { prefix: "GITHUB_SIMULATOR_", passThrough: "GITHUB_" }) },
    emptyStringAsUndefined: true,
  });
