import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The demo org's integrations that scripts/start/simulators.mjs asks scripts/seed-integrations.ts for. */
export const ZDemoIntegrationSpec = z.object({
  /** The demo simulator it points at (its key in the result line). */
  simulator: z.string().min(1),
  kind: z.enum(["GITHUB", "PAGERDUTY", "DATADOG"]),
  name: z.string().min(1).max(100),
  config: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()),
  intervalMinutes: z.number().int().min(5).default(60),
});
export type DemoIntegrationSpec = z.infer<typeof ZDemoIntegrationSpec>;

export const demoIntegrationsEnv = () =>
  createEnv({
    server: {
      GREENROOM_DEMO_INTEGRATIONS: z
        .string()
        .transform((value, context) => {
          try {
            return JSON.parse(value) as unknown;
          } catch {
            context.addIssue({ code: "custom", message: "must be JSON" });
            return z.NEVER;
          }
        })
        .pipe(z.array(ZDemoIntegrationSpec)),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
