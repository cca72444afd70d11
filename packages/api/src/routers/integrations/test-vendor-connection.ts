import type { ConnectionVerdict } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { inputProblem, testWithConnector } from "./shared";
import { vendorConfig, ZDatadogSecrets, ZPagerdutySecrets, ZVendorSettings } from "./connect-vendor";

/** Tests PagerDuty or Datadog keys typed in the connect form, before anything is stored. */
export const testVendorConnectionProcedure = adminProcedure
  .input(z.object({ settings: ZVendorSettings, secrets: z.record(z.string(), z.string().max(500).optional()) }))
  .mutation(async ({ input }): Promise<ConnectionVerdict> => {
    const kind = input.settings.kind;
    const secrets = kind === "PAGERDUTY" ? ZPagerdutySecrets.safeParse(input.secrets) : ZDatadogSecrets.safeParse(input.secrets);
    if (!secrets.success) return { ok: false, problem: kind === "PAGERDUTY" ? "Paste a PagerDuty REST API key to test." : "Paste a Datadog API key and application key to test." };
    let config: Record<string, unknown>;
    try {
      config = vendorConfig(input.settings);
    } catch (error) {
      inputProblem(error);
    }
    return testWithConnector(kind, config, secrets.data as Record<string, string>);
  });
