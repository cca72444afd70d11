import { recordAudit } from "@greenroom/accounts";
import { deleteIntegration, unscheduleIntegration } from "@greenroom/connectors";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { ZIntegrationId } from "./shared";

/** Disconnects: the schedule stops, the sealed credentials are deleted, entities kept or removed. */
export const disconnectIntegrationProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, keepEntities: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const integration = await ctx.db.integrations.findById(input.integrationId);
    const outcome = integration ? await deleteIntegration(ctx.db, input.integrationId, { keepEntities: input.keepEntities }) : null;
    if (!integration || !outcome) throw new TRPCError({ code: "NOT_FOUND", message: "Integration not found" });
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.disconnected", { type: "integration", id: integration.id, label: integration.name }, { keepEntities: input.keepEntities, deleted: outcome.deleted, orphaned: outcome.orphaned });
    const tenantId = ctx.db.tenantId;
    ctx.db.afterCommit(() => unscheduleIntegration(tenantId, input.integrationId));
    return outcome;
  });
