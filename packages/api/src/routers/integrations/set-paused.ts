import { recordAudit } from "@greenroom/accounts";
import { scheduleIntegration, unscheduleIntegration } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, publicIntegration, ZIntegrationId } from "./shared";

/** Pauses (removes the schedule) or resumes (schedules again) an integration. */
export const setPausedProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, paused: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    const updated = await ctx.db.integrations.update(integration.id, { status: input.paused ? "PAUSED" : "ACTIVE", statusMessage: null });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, input.paused ? "integration.paused" : "integration.resumed", { type: "integration", id: updated.id, label: updated.name });
    const tenantId = ctx.db.tenantId;
    ctx.db.afterCommit(() => (input.paused ? unscheduleIntegration(tenantId, updated.id) : scheduleIntegration(tenantId, updated.id, updated.intervalMinutes)));
    return publicIntegration(updated);
  });
