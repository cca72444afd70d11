import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { commaSeparatedList, flagsToEnv } from "../shared/standalone";

// Settings of the standalone Datadog simulator (`pnpm --filter @greenroom/simulators datadog`).
// Each can also be given as a flag: `--monitors 20000 --latency-ms 50` sets
// DATADOG_SIMULATOR_MONITORS and DATADOG_SIMULATOR_LATENCY_MS.

const count = z.coerce.number().int().min(0).max(200_000);
const list = commaSeparatedList();

export const datadogSimulatorEnv = (argv: string[] = process.argv.slice(2)) =>
  createEnv({
    server: {
      DATADOG_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12115),
      DATADOG_SIMULATOR_ORG: z.string().regex(/^[a-z0-9-]+$/i).default("acme"),
      DATADOG_SIMULATOR_SERVICES: count.optional(),
      /** Comma-separated service names (catalog component names) for the first services. */
      DATADOG_SIMULATOR_SERVICE_NAMES: list,
      DATADOG_SIMULATOR_MONITORS: count.optional(),
      DATADOG_SIMULATOR_SLOS: count.optional(),
      DATADOG_SIMULATOR_DASHBOARDS: count.optional(),
      DATADOG_SIMULATOR_INCIDENTS: count.optional(),
      DATADOG_SIMULATOR_INCIDENTS_ENABLED: z.enum(["true", "false"]).default("true"),
      DATADOG_SIMULATOR_SEED: z.string().default("1"),
      DATADOG_SIMULATOR_LATENCY_MS: z.coerce.number().min(0).default(0),
      /** Requests per period for every endpoint family; unset keeps the per-family defaults. */
      DATADOG_SIMULATOR_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
      DATADOG_SIMULATOR_RATE_LIMIT_PERIOD: z.coerce.number().int().min(1).optional(),
      /** Comma-separated keys to accept; default: the simulator's built-in pair. */
      DATADOG_SIMULATOR_API_KEYS: list,
      DATADOG_SIMULATOR_APP_KEYS: list,
      /** Advance the world (monitor states, SLIs) every this many ms; 0 = never. */
      DATADOG_SIMULATOR_TICK_MS: z.coerce.number().int().min(0).default(0),
    },
    runtimeEnv: { ...process.env, ...flagsToEnv(argv, { prefix: "DATADOG_SIMULATOR_" }) },
    emptyStringAsUndefined: true,
  });
