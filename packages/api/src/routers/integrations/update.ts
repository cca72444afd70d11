import { recordAudit } from "@greenroom/accounts";
import { loadSecrets, replaceSecrets, scheduleIntegration } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { updatedGithubSecrets, ZGithubCredentialFields, type GithubAuthMethod } from "./github-credentials";
import { findIntegration, inputProblem, publicIntegration, ZIntegrationId, ZIntervalMinutes } from "./shared";

/** Renames, changes the schedule, or replaces the credentials (which also clears an error state). */
export const updateIntegrationProcedure = adminProcedure
  .input(
    z.object({
      integrationId: ZIntegrationId,
      name: z.string().trim().min(1).max(100).optional(),
      intervalMinutes: ZIntervalMinutes.optional(),
      token: z.string().trim().min(1).max(500).optional(),
      webhookSecret: z.string().trim().min(1).max(500).optional(),
      // GitHub only: switch between a token and a GitHub App, or replace the App's credentials.
      authMethod: ZGithubCredentialFields.authMethod.optional(),
      appId: z.string().trim().min(1).max(20).optional(),
      privateKey: z.string().trim().min(1).max(10_000).optional(),
      installationId: z.string().trim().min(1).max(20).optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    const config = integration.config as Record<string, unknown>;
    const githubMethod: GithubAuthMethod = config.authMethod === "app" ? "app" : "token";
    const credentialsTyped = Boolean(input.token || input.appId || input.privateKey || input.installationId || input.authMethod);
    if (credentialsTyped || input.webhookSecret) {
      const current = (await loadSecrets(ctx.db, integration.id)) ?? {};
      const next =
        integration.kind === "GITHUB"
          ? updatedGithubSecrets(current, input, githubMethod)
          : { ...current, ...(input.token ? { token: input.token } : {}), ...(input.webhookSecret ? { webhookSecret: input.webhookSecret } : {}) };
      try {
        await replaceSecrets(ctx.db, integration, next);
      } catch (error) {
        inputProblem(error);
      }
    }
    const switched = integration.kind === "GITHUB" && input.authMethod && input.authMethod !== githubMethod;
    const updated = await ctx.db.integrations.update(integration.id, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.intervalMinutes ? { intervalMinutes: input.intervalMinutes } : {}),
      ...(switched ? { config: { ...config, authMethod: input.authMethod } } : {}),
      ...(credentialsTyped && integration.status === "ERROR" ? { status: "ACTIVE" as const, statusMessage: null } : {}),
    });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.updated", { type: "integration", id: updated.id, label: updated.name }, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.intervalMinutes ? { intervalMinutes: input.intervalMinutes } : {}),
      credentialsReplaced: Boolean(credentialsTyped || input.webhookSecret),
      ...(switched ? { authMethod: input.authMethod } : {}),
    });
    const tenantId = ctx.db.tenantId;
    if (updated.status === "ACTIVE") ctx.db.afterCommit(() => scheduleIntegration(tenantId, updated.id, updated.intervalMinutes));
    return publicIntegration(updated);
  });
