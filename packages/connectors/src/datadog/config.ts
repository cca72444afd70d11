import type { z } from "zod";

import { configSchemas } from "../framework/integrations";

export type DatadogConfig = z.infer<typeof configSchemas.DATADOG>;

export function datadogConfig(config: Record<string, unknown>): DatadogConfig {
  return configSchemas.DATADOG.parse(config);
}

/**
 * Where people open things in Datadog for a site: the three "root" sites use an app. host, the
 * regional ones are served on their own host (us3.datadoghq.com, ap1.datadoghq.com, ...).
 */
export function datadogAppUrl(site: DatadogConfig["site"]): string {
  return site === "datadoghq.com" || site === "datadoghq.eu" || site === "ddog-gov.com" ? `https://app.${site}` : `https://${site}`;
}
