import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { commaSeparatedList, flagsToEnv } from "../shared/standalone";

// Settings of the standalone PagerDuty simulator (`pnpm --filter @greenroom/simulators pagerduty`).
// Each can also be given as a flag: `--services 2000 --latency-ms 50` sets
// PAGERDUTY_SIMULATOR_SERVICES and PAGERDUTY_SIMULATOR_LATENCY_MS.

const list = commaSeparatedList();

export const pagerdutySimulatorEnv = (argv: string[] = process.argv.slice(2)) =>
  createEnv({
    server: {
      PAGERDUTY_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12114),
      PAGERDUTY_SIMULATOR_SUBDOMAIN: z.string().regex(/^[a-z0-9-]+$/i).default("acme"),
      PAGERDUTY_SIMULATOR_SERVICES: z.coerce.number().int().min(1).max(20_000).optional(),
      /** Comma-separated names for the first services (e.g. the demo catalog's components). */
      PAGERDUTY_SIMULATOR_SERVICE_NAMES: list,
      /** Comma-separated ids for the first services (e.g. the catalog's pagerduty.com/service-id annotations). */
      PAGERDUTY_SIMULATOR_SERVICE_IDS: list,
      /** Comma-separated "Name <email>" people who are the first users (e.g. the portal org's members). */
      PAGERDUTY_SIMULATOR_PEOPLE: list.pipe(
        z.array(z.string().regex(/^[^<>]+<[^<>@\s]+@[^<>\s]+>$/, 'each person as "Name <email>"').transform((entry) => {
          const [, name, email] = /^([^<]+)<([^>]+)>$/.exec(entry)!;
          return { name: name!.trim(), email: email!.trim() };
        })).optional(),
      ),
      PAGERDUTY_SIMULATOR_TEAMS: z.coerce.number().int().min(1).optional(),
      PAGERDUTY_SIMULATOR_USERS: z.coerce.number().int().min(1).optional(),
      PAGERDUTY_SIMULATOR_SEED: z.string().default("1"),
      /** Extra resolved incidents in the last few days (enough exceed the 10,000-record cap). */
      PAGERDUTY_SIMULATOR_HISTORICAL_INCIDENTS: z.coerce.number().int().min(0).default(0),
      PAGERDUTY_SIMULATOR_LATENCY_MS: z.coerce.number().min(0).default(0),
      PAGERDUTY_SIMULATOR_RATE_LIMIT: z.coerce.number().int().min(1).default(960),
      /** Comma-separated full-access keys; default: the simulator's built-in key. */
      PAGERDUTY_SIMULATOR_TOKENS: list,
      PAGERDUTY_SIMULATOR_READ_ONLY_TOKENS: list,
      /** Milliseconds between ticks (incidents triggered, acknowledged, resolved); 0 = the account stands still. */
      PAGERDUTY_SIMULATOR_TICK_MS: z.coerce.number().int().min(0).default(0),
    },
    runtimeEnv: { ...process.env, ...flagsToEnv(argv, { prefix: "PAGERDUTY_SIMULATOR_", passThrough: "PAGERDUTY_" }) },
    emptyStringAsUndefined: true,
  });
