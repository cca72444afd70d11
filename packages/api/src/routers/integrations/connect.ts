import { recordAudit } from "@greenroom/accounts";
import { checkBaseUrl, createIntegration, parseConfig, requestSync, scheduleIntegration } from "@greenroom/connectors";
import { isUniqueViolation } from "@greenroom/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { inputProblem, publicIntegration, ZIntervalMinutes } from "./shared";

export const ZConnectGithubInput = z.object({
  name: z.string().trim().min(1, "Name the integration").max(100),
  baseUrl: z.string().trim().max(500).default("https://api.github.com"),
  githubOrg: z.string().trim().min(1, "Enter the GitHub organization").max(100),
  token: z.string().trim().min(1, "Paste a fine-grained token").max(500),
  /** The secret typed into GitHub's webhook settings (optional: the schedule still syncs). */
  webhookSecret: z.string().trim().max(500).optional(),
  intervalMinutes: ZIntervalMinutes.default(60),
});

/** Connects GitHub: seals the token, schedules syncs, and starts the first one. */
export const connectGithubProcedure = adminProcedure.input(ZConnectGithubInput).mutation(async ({ ctx, input }) => {
  let config: Record<string, unknown>;
  try {
    config = parseConfig("GITHUB", { baseUrl: input.baseUrl, org: input.githubOrg });
    await checkBaseUrl(config);
  } catch (error) {
    inputProblem(error);
  }
  try {
    const record = await createIntegration(ctx.db, {
      kind: "GITHUB",
      name: input.name,
      config,
      secrets: { token: input.token, ...(input.webhookSecret ? { webhookSecret: input.webhookSecret } : {}) },
      intervalMinutes: input.intervalMinutes,
      createdById: ctx.actor.userId,
    });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.connected", { type: "integration", id: record.id, label: record.name }, { kind: "GITHUB", org: String(config.org), baseUrl: String(config.baseUrl), intervalMinutes: record.intervalMinutes });
    const tenantId = ctx.db.tenantId;
    ctx.db.afterCommit(async () => {
      await scheduleIntegration(tenantId, record.id, record.intervalMinutes);
      await requestSync(tenantId, record.id, "setup");
    });
    return publicIntegration(record);
  } catch (error) {
    if (isUniqueViolation(error)) throw new TRPCError({ code: "CONFLICT", message: `An integration named "${input.name}" already exists` });
    inputProblem(error);
  }
});
