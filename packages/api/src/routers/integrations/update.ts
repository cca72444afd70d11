import { recordAudit } from "@greenroom/accounts";
import { loadSecrets, replaceSecrets, scheduleIntegration } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, publicIntegration, ZIntegrationId, ZIntervalMinutes } from "./shared";

/** Renames, changes the schedule, or replaces the token (which also clears an error state). */
export const updateIntegrationProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, name: z.string().trim().min(1).max(100).optional(), intervalMinutes: ZIntervalMinutes.optional(), token: z.string().trim().min(1).max(500).optional(), webhookSecret: z.string().trim().min(1).max(500).optional() }))
  .mutation(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    if (input.token || input.webhookSecret) {
      const current = (await loadSecrets(ctx.db, integration.id)) ?? {};
      await replaceSecrets(ctx.db, integration, { ...current, ...(input.token ? { token: input.token } : {}), ...(input.webhookSecret ? { webhookSecret: input.webhookSecret } : {}) });
    }
    const updated = await ctx.db.integrations.update(integration.id, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.intervalMinutes ? { intervalMinutes: input.intervalMinutes } : {}),
      ...(input.token && integration.status === "ERROR" ? { status: "ACTIVE" as const, statusMessage: null } : {}),
    });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.updated", { type: "integration", id: updated.id, label: updated.name }, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.intervalMinutes ? { intervalMinutes: input.intervalMinutes } : {}),
      credentialsReplaced: Boolean(input.token || input.webhookSecret),
    });
    const tenantId = ctx.db.tenantId;
    if (updated.status === "ACTIVE") ctx.db.afterCommit(() => scheduleIntegration(tenantId, updated.id, updated.intervalMinutes));
    return publicIntegration(updated);
  });
