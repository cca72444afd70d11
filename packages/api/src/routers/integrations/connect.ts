import { recordAudit } from "@greenroom/accounts";
import { checkBaseUrl, createIntegration, parseConfig } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { githubSecrets, requireGithubCredentials, ZGithubCredentialFields } from "./github-credentials";
import { connectProblem, inputProblem, publicIntegration, startSyncingAfterCommit, ZIntervalMinutes } from "./shared";

export const ZConnectGithubInput = z
  .object({
    name: z.string().trim().min(1, "Name the integration").max(100),
    baseUrl: z.string().trim().max(500).default("https://api.github.com"),
    githubOrg: z.string().trim().min(1, "Enter the GitHub organization").max(100),
    ...ZGithubCredentialFields,
    /** The secret typed into GitHub's webhook settings (optional: the schedule still syncs). */
    webhookSecret: z.string().trim().max(500).optional(),
    intervalMinutes: ZIntervalMinutes.default(60),
  })
  .superRefine(requireGithubCredentials);

/** Connects GitHub (a token or a GitHub App): seals the credentials, schedules syncs, and starts the first one. */
export const connectGithubProcedure = adminProcedure.input(ZConnectGithubInput).mutation(async ({ ctx, input }) => {
  let config: Record<string, unknown>;
  try {
    config = parseConfig("GITHUB", { baseUrl: input.baseUrl, org: input.githubOrg, authMethod: input.authMethod });
    await checkBaseUrl(config);
  } catch (error) {
    inputProblem(error);
  }
  try {
    const record = await createIntegration(ctx.db, {
      kind: "GITHUB",
      name: input.name,
      config,
      secrets: { ...githubSecrets(input), ...(input.webhookSecret ? { webhookSecret: input.webhookSecret } : {}) },
      intervalMinutes: input.intervalMinutes,
      createdById: ctx.actor.userId,
    });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.connected", { type: "integration", id: record.id, label: record.name }, { kind: "GITHUB", org: String(config.org), baseUrl: String(config.baseUrl), authMethod: input.authMethod, intervalMinutes: record.intervalMinutes });
    startSyncingAfterCommit(ctx.db, record);
    return publicIntegration(record);
  } catch (error) {
    connectProblem(error, input.name);
  }
});
