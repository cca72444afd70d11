import { recordAudit } from "@greenroom/accounts";
import { checkBaseUrl, createIntegration, parseConfig } from "@greenroom/connectors";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { connectProblem, inputProblem, publicIntegration, startSyncingAfterCommit, ZIntervalMinutes } from "./shared";

const optionalUrl = z.string().trim().max(500).optional().transform((value) => value || undefined);

export const ZPagerdutySettings = z.object({
  kind: z.literal("PAGERDUTY"),
  baseUrl: optionalUrl,
  eventsUrl: optionalUrl,
  /** A PagerDuty user's email, sent as `From` when incidents are created through the REST API. */
  fromEmail: z.union([z.literal(""), z.email("Enter the email of a PagerDuty user")]).optional().transform((value) => value || undefined),
});
export const ZPagerdutySecrets = z.object({ token: z.string().trim().min(1, "Paste a PagerDuty REST API key").max(500) });

export const ZDatadogSettings = z.object({
  kind: z.literal("DATADOG"),
  site: z.string().trim().max(100).optional().transform((value) => value || undefined),
  baseUrl: optionalUrl,
  incidents: z.boolean().default(false),
});
export const ZDatadogSecrets = z.object({
  apiKey: z.string().trim().min(1, "Paste a Datadog API key").max(500),
  appKey: z.string().trim().min(1, "Paste a Datadog application key").max(500),
});

export const ZVendorSettings = z.discriminatedUnion("kind", [ZPagerdutySettings, ZDatadogSettings]);

export function vendorConfig(settings: z.infer<typeof ZVendorSettings>): Record<string, unknown> {
  const { kind, ...rest } = settings;
  return parseConfig(kind, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
}

export const ZConnectVendorInput = z.object({
  name: z.string().trim().min(1, "Name the integration").max(100),
  settings: ZVendorSettings,
  secrets: z.union([ZPagerdutySecrets, ZDatadogSecrets]),
  intervalMinutes: ZIntervalMinutes.default(15),
});

/** Connects PagerDuty or Datadog: seals the keys, schedules syncs, and starts the first one. */
export const connectVendorProcedure = adminProcedure.input(ZConnectVendorInput).mutation(async ({ ctx, input }) => {
  const kind = input.settings.kind;
  const secretsMatch = kind === "PAGERDUTY" ? ZPagerdutySecrets.safeParse(input.secrets) : ZDatadogSecrets.safeParse(input.secrets);
  if (!secretsMatch.success) throw new TRPCError({ code: "BAD_REQUEST", message: kind === "PAGERDUTY" ? "Paste a PagerDuty REST API key" : "Paste a Datadog API key and application key" });
  let config: Record<string, unknown>;
  try {
    config = vendorConfig(input.settings);
    await checkBaseUrl(config);
  } catch (error) {
    inputProblem(error);
  }
  try {
    const record = await createIntegration(ctx.db, { kind, name: input.name, config, secrets: secretsMatch.data, intervalMinutes: input.intervalMinutes, createdById: ctx.actor.userId });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.connected", { type: "integration", id: record.id, label: record.name }, { kind, baseUrl: String(config.baseUrl), intervalMinutes: record.intervalMinutes });
    startSyncingAfterCommit(ctx.db, record);
    return publicIntegration(record);
  } catch (error) {
    connectProblem(error, input.name);
  }
});
